/**
 * Identity pool profiles in Chromium: the shared scenario (support/cognito-scenario.ts), also run
 * in Firefox.
 */
import { chromiumScenario, playwrightScenarioPage } from './support/chromium-scenario';
import { describeCognitoScenario } from './support/cognito-scenario';
import { startEnvironment } from './support/harness';

jest.setTimeout(120_000);

describeCognitoScenario('Chromium', async () => {
  const env = await startEnvironment();
  return { ...chromiumScenario(env), openExtensionPage: async (file: string) => playwrightScenarioPage(await env.openExtensionPage(file)) };
}, { extensionPages: true });
