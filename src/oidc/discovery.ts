/**
 * OIDC discovery of a provider's issuer, and the options of every request to its IdP.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */
import * as oauth from 'oauth4webapi';
import { isLoopbackHost } from '../config/field-checks';
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { DiscoveryCache } from './discovery-cache';
import { discoveryError } from './oidc-errors';
import type { RequestOptions, SignInDeps } from './types';

/** Options for every request to the provider's IdP: the test fetch, and plain http for loopback issuers. */
export function requestOptions(provider: Provider, deps: Pick<SignInDeps, 'fetch'>): RequestOptions {
  const options: RequestOptions = {};
  if (deps.fetch) options[oauth.customFetch] = deps.fetch;
  // Validation already allows plain http only for loopback issuers (the local sandbox).
  if (isLoopbackHost(new URL(provider.issuer).hostname)) options[oauth.allowInsecureRequests] = true;
  return options;
}

/**
 * OIDC discovery of the provider's issuer, with errors a user can act on; from `cache` when it
 * holds the document.
 */
export function discover(provider: Provider, options: RequestOptions, cache?: DiscoveryCache): Promise<oauth.AuthorizationServer> {
  return cache ? cache.get(provider.issuer, () => fetchDiscovery(provider, options)) : fetchDiscovery(provider, options);
}

/**
 * Runs `use` with the provider's discovery document; when it fails, the cached document is
 * dropped, so the next attempt asks the issuer again (its endpoints or keys may have moved).
 */
export async function withDiscovery<T>(provider: Provider, options: RequestOptions, cache: DiscoveryCache | undefined, use: (as: oauth.AuthorizationServer) => Promise<T>): Promise<T> {
  const as = await discover(provider, options, cache);
  try {
    return await use(as);
  } catch (error) {
    cache?.forget(provider.issuer);
    throw error;
  }
}

async function fetchDiscovery(provider: Provider, options: RequestOptions): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(provider.issuer);
  try {
    const response = await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oidc' });
    const as = await oauth.processDiscoveryResponse(issuer, response);
    if (!as.authorization_endpoint || !as.token_endpoint) {
      throw new ExtensionError(ErrorCodes.discoveryFailed, `The discovery document of ${provider.name} has no authorization or token endpoint.`, {
        hint: 'Check the issuer URL.',
      });
    }
    return as;
  } catch (error) {
    throw error instanceof ExtensionError ? error : discoveryError(provider, error);
  }
}
