/**
 * The browser leg of a sign-in, shared by every flow: open the authorization URL in the browser's
 * web auth flow, check that the answer came back to our redirect URI, and, for the flows whose
 * answer arrives in the redirect's fragment (implicit, access token), read and check it.
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import { authorizationResponseError, launchError } from './oidc-errors';
import type { SignInDeps } from './types';

/** Opens `url` in the browser's web auth flow and resolves with where the IdP sent the browser back. */
export async function launch(provider: Provider, deps: Pick<SignInDeps, 'launchWebAuthFlow'>, url: URL, interactive: boolean): Promise<string> {
  try {
    return await deps.launchWebAuthFlow(url.href, interactive);
  } catch (error) {
    throw launchError(provider, error);
  }
}

/** Checks that the IdP sent the browser back to our redirect URI, not somewhere else. */
export function checkRedirect(provider: Provider, redirected: string, redirectUri: string): URL {
  const actual = new URL(redirected);
  const expected = new URL(redirectUri);
  if (actual.origin !== expected.origin || actual.pathname !== expected.pathname) {
    throw new ExtensionError(ErrorCodes.redirectMismatch, `${provider.name} redirected to ${actual.origin}${actual.pathname} instead of ${redirectUri}.`, {
      hint: 'Register exactly the redirect URI shown in the popup and the options page with the identity provider.',
    });
  }
  return actual;
}

/** What a fragment response carried: every value of the token parameter, and the rest. */
export interface FragmentResponse {
  tokens: string[];
  params: URLSearchParams;
}

/**
 * Runs the browser leg of a flow answered in the fragment (or in the query, where an IdP answers
 * an error there) and checks the answer with oauth4webapi (`state`, `iss`, `error=`). The token
 * parameter is taken out first, since oauth4webapi rejects parameters it does not expect.
 */
export async function authorizeInFragment(
  provider: Provider,
  deps: Pick<SignInDeps, 'launchWebAuthFlow' | 'redirectUri'>,
  request: { url: URL; interactive: boolean; as: oauth.AuthorizationServer; state: string; tokenParam: string },
): Promise<FragmentResponse> {
  const actual = checkRedirect(provider, await launch(provider, deps, request.url, request.interactive), deps.redirectUri);
  const params = new URLSearchParams(actual.hash ? actual.hash.slice(1) : actual.search);
  const tokens = params.getAll(request.tokenParam);
  params.delete(request.tokenParam);
  try {
    oauth.validateAuthResponse(request.as, { client_id: provider.clientId }, params, request.state);
  } catch (error) {
    throw authorizationResponseError(provider, error);
  }
  return { tokens, params };
}

/** Sets the provider's extra authorization parameters, then ours, which always win. */
export function authorizationUrl(endpoint: string, provider: Provider, params: Record<string, string>): URL {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(provider.authParams ?? {})) url.searchParams.set(name, value);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}
