/**
 * The shared sign-in scenario (sign-in-scenario.ts) in Firefox ESR, with the Firefox build.
 */
import { startFirefoxEnvironment } from './firefox-harness';
import { describeSignInScenario } from './sign-in-scenario';

jest.setTimeout(120_000);

describeSignInScenario('Firefox', async () => (await startFirefoxEnvironment()).scenario());
