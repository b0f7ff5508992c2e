// End-to-end tests drive real browsers on a shared 2-core machine, where a timing step (an alarm
// waking a stopped worker, a window opening) can now and then miss its deadline under load. A
// failing test runs once more and must pass then; its first errors are still printed, so a flake
// stays visible in the log instead of turning a whole run red.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
