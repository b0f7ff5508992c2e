/**
 * The OpenID Connect implicit flow (`response_type=id_token`) with a nonce, for providers whose
 * code flow needs a client secret for this kind of client (Google). oauth4webapi does not run
 * this flow: its discovery and response checks (`state`, `iss`, `error=`) are used, and the ID
 * token is verified against the issuer's keys by {@link verifyIdToken}.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitFlowAuth
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import { decodeJwtClaims } from './decode-jwt';
import { ErrorCodes, ExtensionError } from '../errors';
import { authorizationUrl, authorizeInFragment } from './browser-leg';
import { IdTokenRejectedError } from './id-token-rejected-error';
import type { SignInDeps, SignInResult } from './types';
import { verifyIdToken } from './verify-id-token';

/** Signs in through the implicit flow against the discovered authorization server `as`. */
export async function signInImplicit(provider: Provider, deps: SignInDeps, as: oauth.AuthorizationServer, interactive: boolean): Promise<SignInResult> {
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = authorizationUrl(as.authorization_endpoint as string, provider, {
    client_id: provider.clientId,
    redirect_uri: deps.redirectUri,
    response_type: 'id_token',
    scope: provider.scopes,
    state,
    nonce,
    ...(interactive ? {} : { prompt: 'none' }),
  });

  // RFC 9207 §2.4: with an ID token in the response, its "iss" claim (checked below) does the
  // job of the "iss" parameter, which IdPs therefore leave out; when present it is still checked.
  const checkedAs = { ...as, authorization_response_iss_parameter_supported: false };
  const { tokens: idTokens } = await authorizeInFragment(provider, deps, { url, interactive, as: checkedAs, state, tokenParam: 'id_token' });
  const idToken = idTokens[0];
  if (!idToken) {
    throw new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned no ID token.`, { hint: 'Allow the implicit flow (ID tokens) for this application at the identity provider.' });
  }
  if (idTokens.length > 1) {
    // As with authorization codes: an answer the IdP did not send for this flow is dropped whole.
    throw new ExtensionError(ErrorCodes.authorizationRejected, `The answer from ${provider.name} carried more than one ID token, so it was discarded.`, { hint: 'Sign in again.' });
  }
  deps.onStep?.('authorization', 'an ID token in the redirect (implicit flow)');
  const verifyOptions: Parameters<typeof verifyIdToken>[2] = { as, nonce };
  if (deps.fetch) verifyOptions.fetch = deps.fetch;
  let claims: oauth.IDToken;
  try {
    claims = await verifyIdToken(provider, idToken, verifyOptions);
  } catch (error) {
    // The diagnostics show what a rejected token claimed; the token itself goes nowhere.
    const unverified = error instanceof ExtensionError && error.code === ErrorCodes.idTokenInvalid ? decodeJwtClaims(idToken) : undefined;
    throw unverified && error instanceof ExtensionError ? new IdTokenRejectedError(error, unverified) : error;
  }
  deps.onStep?.('token', `signature verified against ${as.jwks_uri}; expires ${new Date(claims.exp * 1000).toISOString()}`);
  return { idToken, idTokenExpiresAt: claims.exp * 1000, subject: claims.sub, claims };
}
