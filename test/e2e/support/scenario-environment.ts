/**
 * A started browser environment (harness.ts for Chromium, firefox-harness.ts for Firefox) as the
 * shared sign-in scenario sees it: the two harnesses offer the same calls over their own driver's
 * page type, so one mapping serves both.
 */
import type { IdpHandle, SandboxConfig, StorageAreaName, StsHandle } from './harness';
import type { ScenarioPage } from './scenario-page';
import type { ScenarioEnvironment } from './sign-in-scenario';

/** What both harnesses' environments offer, `P` being their driver's page. */
export interface BrowserEnvironment<P> {
  idp: Pick<IdpHandle, 'revokeSessions'>;
  sts: StsHandle | undefined;
  sandboxConfig(): SandboxConfig;
  openPopup(): Promise<P>;
  openOptions(): Promise<P>;
  readStorage(area: StorageAreaName): Promise<Record<string, unknown>>;
  readClipboard(): Promise<string>;
  waitForAuthWindow(): Promise<P>;
  loginOnIdp(page: P, login: string): Promise<void>;
  close(): Promise<void>;
}

/** What differs between the browsers: their name, their redirect URI, their driver's pages. */
export interface ScenarioBrowser<P> {
  browserName: string;
  redirectUri: string;
  scenarioPage(page: P): ScenarioPage;
}

/** The scenario's view of a started environment. */
export function scenarioEnvironment<P extends { close(): Promise<void> }>(env: BrowserEnvironment<P>, browser: ScenarioBrowser<P>): ScenarioEnvironment {
  return {
    browserName: browser.browserName,
    redirectUri: browser.redirectUri,
    stsEndpoint: env.sts?.endpoint ?? '',
    sandboxConfig: () => env.sandboxConfig(),
    revokeIdpSessions: () => env.idp.revokeSessions(),
    openPopup: async () => browser.scenarioPage(await env.openPopup()),
    openOptions: async () => browser.scenarioPage(await env.openOptions()),
    readStorage: (area) => env.readStorage(area),
    readClipboard: () => env.readClipboard(),
    waitForAuthWindow: async () => {
      const page = await env.waitForAuthWindow();
      return { login: (login) => env.loginOnIdp(page, login), close: () => page.close() };
    },
    close: () => env.close(),
  };
}
