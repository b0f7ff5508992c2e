/**
 * Reads an authorization response that arrives in the redirect's fragment, as implicit and
 * access-token responses do, after checking that it came back to our redirect URI.
 */
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';

/** The fragment's parameters (or the query's, where an IdP answers an error there). */
export function readFragmentResponse(provider: Provider, redirected: string, redirectUri: string): URLSearchParams {
  const actual = new URL(redirected);
  const expected = new URL(redirectUri);
  if (actual.origin !== expected.origin || actual.pathname !== expected.pathname) {
    throw new ExtensionError(ErrorCodes.redirectMismatch, `${provider.name} redirected to ${actual.origin}${actual.pathname} instead of ${redirectUri}.`, {
      hint: 'Register exactly the redirect URI shown in the options page with the identity provider.',
    });
  }
  return new URLSearchParams(actual.hash ? actual.hash.slice(1) : actual.search);
}

/** Sets the provider's extra authorization parameters, then ours, which always win. */
export function authorizationUrl(endpoint: string, provider: Provider, params: Record<string, string>): URL {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(provider.authParams ?? {})) url.searchParams.set(name, value);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}
