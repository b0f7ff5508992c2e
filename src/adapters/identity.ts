/**
 * The browser's identity API: the redirect URI to register with IdPs, and the web auth flow.
 */
import { browser } from './browser-api';
import { webAuthFlowDetails } from '../oidc/web-auth-flow-details';
import type { ChromiumWebAuthFlowOptions } from '../oidc/web-auth-flow-details';
import { browserFamily } from './browser-family';

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
 * user interaction" when the IdP shows a page instead; Chromium-only options are not sent there.
 */
export async function launchWebAuthFlow(url: string, interactive: boolean, chromiumOnly?: ChromiumWebAuthFlowOptions): Promise<string> {
  return browser.identity.launchWebAuthFlow(webAuthFlowDetails(browserFamily(), url, interactive, chromiumOnly));
}
