/**
 * The browser's identity API: the redirect URI to register with IdPs, and the web auth flow.
 */
import { browser } from './browser-api';

/** `https://<extension-id>.chromiumapp.org/` in Chromium; what users register with their IdP. */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

/** Opens the IdP's page (or runs it hidden when not interactive) and resolves with the final redirect. */
export async function launchWebAuthFlow(url: string, interactive: boolean): Promise<string> {
  return browser.identity.launchWebAuthFlow({ url, interactive });
}
