/**
 * The authorization code flow with PKCE: authorization through the browser leg, the token
 * request, and the ID token checks (nonce, issuer, audience, expiry, signature).
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import { authorizationUrl, checkRedirect, launch } from './browser-leg';
import { decodeJwtClaims } from './decode-jwt';
import { IdTokenRejectedError } from './id-token-rejected-error';
import { authorizationResponseError, signatureError, tokenResponseError } from './oidc-errors';
import type { RequestOptions, SignInDeps, SignInResult } from './types';

/** The unverified claims of the ID token in a token response, read from a copy of it. */
async function idTokenClaimsOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return decodeJwtClaims((body as { id_token?: unknown } | null)?.id_token);
  } catch {
    return undefined;
  }
}

/** The authorization code flow with PKCE, after discovery. */
export async function signInWithCode(provider: Provider, deps: SignInDeps, as: oauth.AuthorizationServer, options: RequestOptions, interactive: boolean): Promise<SignInResult> {
  const client: oauth.Client = { client_id: provider.clientId };

  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = authorizationUrl(as.authorization_endpoint as string, provider, {
    client_id: provider.clientId,
    redirect_uri: deps.redirectUri,
    response_type: 'code',
    scope: provider.scopes,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(interactive ? {} : { prompt: 'none' }),
  });

  const redirected = await launch(provider, deps, url, interactive);

  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, checkRedirect(provider, redirected, deps.redirectUri), state);
  } catch (error) {
    throw error instanceof ExtensionError ? error : authorizationResponseError(provider, error);
  }
  const codes = params.getAll('code').filter(Boolean);
  if (codes.length !== 1) {
    // Never build a token request from an answer without exactly one code: it is not one the IdP sent for this flow.
    throw new ExtensionError(ErrorCodes.authorizationRejected, `The answer from ${provider.name} carried ${codes.length ? 'more than one' : 'no'} authorization code, so it was discarded.`, {
      hint: 'Sign in again; if it repeats, check that the application uses the authorization code flow.',
    });
  }
  deps.onStep?.('authorization', 'an authorization code');

  let tokens: oauth.TokenEndpointResponse;
  let response: Response | undefined;
  let unverified: Record<string, unknown> | undefined;
  try {
    response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, deps.redirectUri, codeVerifier, options);
    unverified = await idTokenClaimsOf(response);
    tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
  } catch (error) {
    const explained = tokenResponseError(provider, error);
    throw explained.code === ErrorCodes.idTokenInvalid && unverified ? new IdTokenRejectedError(explained, unverified) : explained;
  }
  try {
    // Not required for a token from the token endpoint over TLS, but it keeps a forged token away
    // from STS and from the diagnostics, and checks the key the IdP publishes is the one it signs with.
    await oauth.validateApplicationLevelSignature(as, response, options);
  } catch (error) {
    const explained = signatureError(provider, error);
    throw unverified && explained.code === ErrorCodes.idTokenInvalid ? new IdTokenRejectedError(explained, unverified) : explained;
  }
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  if (!claims || !tokens.id_token) {
    throw new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned no ID token.`, { hint: 'Make sure the "openid" scope is allowed for this application.' });
  }
  const result: SignInResult = { idToken: tokens.id_token, idTokenExpiresAt: claims.exp * 1000, subject: claims.sub, claims };
  deps.onStep?.('token', `an ID token expiring ${new Date(claims.exp * 1000).toISOString()}${tokens.refresh_token ? ' and a refresh token' : ''}`);
  if (tokens.refresh_token) result.refreshToken = tokens.refresh_token;
  return result;
}
