/**
 * The browser's identity API: the redirect URI to register with IdPs, and the web auth flow.
 */
import { browser } from './browser-api';

/**
 * The browser's redirect URI: `https://<extension-id>.chromiumapp.org/` in Chrome and Edge,
 * `https://<SHA-1 of the add-on id>.extensions.allizom.org/` in Firefox. Users register each
 * provider's own URI ({@link providerRedirectUri}), this one followed by the provider's id.
 */
export function redirectUri(): string {
  return browser.identity.getRedirectURL();
}

/**
 * The redirect URI of one provider: the one above followed by its id (src/config/redirect-uri.ts
 * says why each provider has its own).
 */
export function providerRedirectUri(providerId: string): string {
  return browser.identity.getRedirectURL(providerId);
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
