/**
 * Optional host permissions: access to an identity provider's origin that does not answer
 * cross-origin requests from the extension. Asked for only from a click, for named origins.
 */
import browser from 'webextension-polyfill';

const patterns = (origins: readonly string[]) => origins.map((origin) => {
  const url = new URL(origin);
  // Match patterns carry no port; a pattern for the host covers every port.
  return `${url.protocol}//${url.hostname}/*`;
});

/** Asks the user; must be called straight from a click handler (a user gesture). */
export function requestOrigins(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: patterns(origins) });
}

/** True when the extension may already reach every origin. */
export function hasOrigins(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: patterns(origins) });
}
