/**
 * The browser's extension API, without a polyfill. Chromium's Manifest V3 `chrome.*` and
 * Firefox's `browser.*` both return promises, so webextension-polyfill (about 10 KB minified in
 * every page) would only wrap what needs no wrapping. Its types still describe the API.
 */
import type Browser from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };

/** `browser` in Firefox, `chrome` in Chromium; the extension's only way to the browser. */
export const browser: Browser.Browser = (scope.browser ?? scope.chrome) as Browser.Browser;
