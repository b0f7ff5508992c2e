/**
 * Optional host permissions, asked for when a feature first needs a host, never at install:
 * an identity provider's origins that do not answer the extension's cross-origin requests, and
 * the AWS sign-in endpoint for "Open console". One API for both: callers name URLs, this module
 * turns them into match patterns.
 */
import { browser } from './browser-api';
import { hostPermissionFor } from '../util/host-permission-pattern';

const patterns = (urls: readonly string[]) => [...new Set(urls.map(hostPermissionFor))];

/**
 * Asks the user for access to the hosts of the URLs; resolves at once with true when it is
 * already held. Must be called straight from a click handler (a user gesture), or the browser
 * refuses to ask.
 */
export function requestOrigins(urls: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: patterns(urls) });
}

/** True when the extension may already reach the host of every URL. */
export function hasOrigins(urls: readonly string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: patterns(urls) });
}
