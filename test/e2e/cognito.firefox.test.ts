/**
 * Identity pool profiles in Firefox ESR with the Firefox build: the shared scenario
 * (support/cognito-scenario.ts), also run in Chromium.
 */
import { describeCognitoScenario } from './support/cognito-scenario';
import { startFirefoxEnvironment } from './support/firefox-harness';

jest.setTimeout(120_000);

describeCognitoScenario('Firefox', async () => (await startFirefoxEnvironment()).scenario());
