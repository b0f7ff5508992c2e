// The background's "Open console" action over fake boundaries: storage, permissions, fetch, tabs.
import { createConsoleOpener } from '../../../src/console/open-console';
import type { ConsoleOpenerDeps } from '../../../src/console/open-console';
import { ErrorCodes } from '../../../src/errors';
import { hostPermissionFor } from '../../../src/util/host-permission-pattern';
import { sampleConfig, sampleCredentials } from '../support/fixtures';
import { memorySessionStore } from '../support/memory-session-store';
import { rejection } from '../support/rejection';

const now = 1_800_000_000_000;

function setUp(granted: string[] = ['https://signin.aws.amazon.com/*']) {
  const store = memorySessionStore();
  const opened: string[] = [];
  const deps: ConsoleOpenerDeps = {
    readConfiguration: async () => sampleConfig,
    store,
    hasOrigins: jest.fn(async (urls: readonly string[]) => urls.every((url) => granted.includes(hostPermissionFor(url)))),
    fetch: jest.fn(async () => new Response(JSON.stringify({ SigninToken: 'tok' }))),
    openTab: async (url) => void opened.push(url),
    now: () => now,
  };
  return { store, opened, deps, open: createConsoleOpener(deps) };
}

describe('createConsoleOpener', () => {
  it('opens the login URL in a tab for a signed-in profile', async () => {
    const { store, opened, deps, open } = setUp();
    await store.set({ 'credentials/dev': sampleCredentials(now + 600_000) });
    await open('dev');
    expect(deps.hasOrigins).toHaveBeenCalledWith(['https://signin.aws.amazon.com/federation']);
    expect(opened).toEqual(['https://signin.aws.amazon.com/federation?Action=login&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1&SigninToken=tok']);
  });

  it('says the profile has no credentials yet', async () => {
    const { open, opened } = setUp();
    const error = await rejection(open('dev'));
    expect([error.code, error.message]).toEqual([ErrorCodes.notSignedIn, 'Dev admin has no credentials yet.']);
    expect(opened).toEqual([]);
  });

  it('sends nothing while the host permission is missing', async () => {
    const { store, open, deps } = setUp([]);
    await store.set({ 'credentials/dev': sampleCredentials(now + 600_000) });
    const error = await rejection(open('dev'));
    expect(error.code).toBe(ErrorCodes.consoleNoAccess);
    expect(error.message).toBe('The extension may not reach signin.aws.amazon.com yet, so the console cannot be opened.');
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('names an unknown profile', async () => {
    const error = await rejection(setUp().open('nope'));
    expect([error.code, error.message]).toEqual([ErrorCodes.configInvalid, 'No usable profile has id "nope".']);
  });
});
