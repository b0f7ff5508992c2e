/**
 * Which engine runs the extension. One code base serves Chrome, Edge and Firefox; where they
 * differ, an adapter asks here and nothing outside src/adapters ever needs to know.
 */
import { browser } from './browser-api';

/** Chrome and Edge share Chromium's extension APIs; Firefox has its own. */
export type BrowserFamily = 'chromium' | 'firefox';

/**
 * The engine, from the extension's own URL scheme (`chrome-extension:` or `moz-extension:`):
 * unlike the user agent, no setting or other extension can change it.
 */
export function browserFamily(): BrowserFamily {
  return browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chromium';
}
