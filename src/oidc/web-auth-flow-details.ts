/**
 * The argument of `identity.launchWebAuthFlow` for each browser. Chromium takes options for
 * silent flows that Firefox's API schema rejects outright ("Unexpected properties"), so they are
 * sent to Chromium only.
 * @see https://developer.chrome.com/docs/extensions/reference/api/identity#type-WebAuthFlowDetails
 * @see https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/identity/launchWebAuthFlow
 */

/** Options only Chromium understands; both shape non-interactive flows. */
export interface ChromiumWebAuthFlowOptions {
  /** Keep waiting after the page loaded, for IdPs that redirect by script in a silent flow. */
  abortOnLoadForNonInteractive?: boolean;
  /** How long a non-interactive flow may run, in milliseconds. */
  timeoutMsForNonInteractive?: number;
}

/** What `launchWebAuthFlow` accepts. */
export interface WebAuthFlowDetails extends ChromiumWebAuthFlowOptions {
  url: string;
  interactive: boolean;
}

/**
 * Builds the details for one flow.
 * @param family the browser running the extension
 * @param chromiumOnly dropped in Firefox, whose silent flow follows only HTTP redirects anyway
 */
export function webAuthFlowDetails(
  family: 'chromium' | 'firefox',
  url: string,
  interactive: boolean,
  chromiumOnly: ChromiumWebAuthFlowOptions = {},
): WebAuthFlowDetails {
  return family === 'chromium' ? { ...chromiumOnly, url, interactive } : { url, interactive };
}
