/**
 * A fresh ID token from a refresh token, without the user: the refresh token grant, with the
 * same checks of the new ID token (issuer, audience, expiry, and the signature against the keys
 * the IdP publishes) as at sign-in, and the subject compared with the one who signed in.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokens
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import { signatureError, tokenResponseError } from './oidc-errors';
import { requestOptions, withDiscovery } from './discovery';
import type { RequestOptions, SignInDeps } from './types';

/** What a refresh produced. */
export interface RefreshedTokens {
  idToken: string;
  /** Epoch milliseconds. */
  idTokenExpiresAt: number;
  subject: string;
  /** The renewed ID token's validated claims (roles it lists may have changed since sign-in). */
  claims: oauth.IDToken;
  /** The rotated refresh token, when the IdP issued a new one; the old one is then spent. */
  refreshToken?: string;
}

/**
 * Runs the refresh token grant once. Never call it twice with the same token: IdPs that rotate
 * refresh tokens treat a second use as theft and end the whole grant.
 * @throws ExtensionError {@link ErrorCodes.tokenRequestFailed} with the IdP's `error` (for example
 *   `invalid_grant` once the token is revoked or expired), {@link ErrorCodes.idTokenInvalid} when
 *   the answer holds no usable ID token, {@link ErrorCodes.idpUnreachable} without a network.
 */
export async function refreshIdToken(provider: Provider, refreshToken: string, deps: Pick<SignInDeps, 'fetch' | 'discovery'> = {}): Promise<RefreshedTokens> {
  const options = requestOptions(provider, deps);
  return withDiscovery(provider, options, deps.discovery, (as) => grant(provider, as, refreshToken, options));
}

async function grant(provider: Provider, as: oauth.AuthorizationServer, refreshToken: string, options: RequestOptions): Promise<RefreshedTokens> {
  const client: oauth.Client = { client_id: provider.clientId };
  let tokens: oauth.TokenEndpointResponse;
  let response: Response;
  try {
    response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, options);
    tokens = await oauth.processRefreshTokenResponse(as, client, response);
  } catch (error) {
    throw tokenResponseError(provider, error);
  }
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  if (!claims || !tokens.id_token) {
    throw new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} renewed the sign-in but returned no ID token.`, {
      hint: 'AWS needs an ID token: allow the "openid" scope on refresh at the identity provider, or choose silent sign-in as this provider\'s renewal.',
    });
  }
  try {
    // A renewed token goes to STS like the first one, so it passes the same signature check.
    await oauth.validateApplicationLevelSignature(as, response, options);
  } catch (error) {
    throw signatureError(provider, error);
  }
  const result: RefreshedTokens = { idToken: tokens.id_token, idTokenExpiresAt: claims.exp * 1000, subject: claims.sub, claims };
  if (tokens.refresh_token) result.refreshToken = tokens.refresh_token;
  return result;
}
