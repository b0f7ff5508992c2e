/**
 * The shared sign-in scenario (sign-in-scenario.ts) in Firefox ESR, with the Firefox build.
 */
import { startFirefoxEnvironment } from './support/firefox-harness';
import { describeSignInScenario } from './support/sign-in-scenario';

jest.setTimeout(120_000);

describeSignInScenario('Firefox', async () => (await startFirefoxEnvironment()).scenario());
