/**
 * The browser's identity API: the redirect URI to register with IdPs, and the web auth flow.
 */
import { browser } from './browser-api';

/**
 * What users register with their IdP: `https://<extension-id>.chromiumapp.org/` in Chrome and
 * Edge, `https://<SHA-1 of the add-on id>.extensions.allizom.org/` in Firefox.
 */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

/**
 * Opens the IdP's page (or runs it hidden when not interactive) and resolves with the final
 * redirect. Firefox completes a hidden flow only through HTTP redirects and answers "Requires
 * user interaction" when the IdP shows a page instead. Only `url` and `interactive` are sent:
 * Firefox's API schema rejects Chromium's extra silent-flow options outright.
 */
export async function launchWebAuthFlow(url: string, interactive: boolean): Promise<string> {
  return browser.identity.launchWebAuthFlow({ url, interactive });
}
