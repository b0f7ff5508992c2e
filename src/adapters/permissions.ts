/**
 * Optional host permissions: asked for when a feature first needs a host, never at install.
 */
import browser from 'webextension-polyfill';

/** True when the extension may reach the hosts of the match pattern. */
export async function hasHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

/**
 * Asks the user for a host permission; resolves at once with true when it is already held.
 * Must run in the handler of a user's click, or the browser refuses to ask.
 */
export async function requestHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
