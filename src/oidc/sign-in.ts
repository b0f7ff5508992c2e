/**
 * OpenID Connect sign-in: discovery, authorization code flow with PKCE through the browser's
 * web auth flow, token request, and the ID token checks. Pure logic: the browser is reached only
 * through {@link SignInDeps}, so tests run it against a fake IdP.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth
 * @see https://www.rfc-editor.org/rfc/rfc7636 (PKCE)
 */
import * as oauth from 'oauth4webapi';
import { isLoopbackHost } from '../config/field-checks';
import type { Provider } from '../config/types';
import { decodeJwtClaims } from './decode-jwt';
import { ErrorCodes, ExtensionError } from '../errors';
import { signInWithAccessToken } from './access-token-flow';
import type { DiscoveryCache } from './discovery-cache';
import { IdTokenRejectedError } from './id-token-rejected-error';
import { signInImplicit } from './implicit-flow';
import { authorizationUrl, checkRedirect, launch } from './browser-leg';
import { authorizationResponseError, discoveryError, signatureError, tokenResponseError } from './oidc-errors';

/** The steps of a sign-in, in order, as "Test sign-in" reports them. */
export type SignInStep = 'discovery' | 'authorization' | 'token';

/** What sign-in needs from its surroundings. */
export interface SignInDeps {
  /** Opens the authorization URL and resolves with the URL the IdP redirected back to. */
  launchWebAuthFlow(url: string, interactive: boolean): Promise<string>;
  /** The redirect URI registered with the IdP (`https://<extension-id>.chromiumapp.org/`). */
  redirectUri: string;
  /** Replaces the global fetch, for tests. */
  fetch?: typeof fetch;
  /** Told when a step succeeds, with what it got (never a token). */
  onStep?(step: SignInStep, detail: string): void;
  /** Discovery documents fetched before; renewals pass one, an interactive sign-in asks the issuer. */
  discovery?: DiscoveryCache;
}

/** Tokens from a successful sign-in. */
export interface SignInResult {
  idToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  idTokenExpiresAt: number;
  subject: string;
  claims: oauth.IDToken;
  /** `access_token` when `idToken` holds an OAuth 2.0 access token (see {@link signInWithAccessToken}). */
  tokenKind?: 'access_token';
}

/** Options shared by every request to the IdP; typed loosely enough for both GET and POST. */
export interface RequestOptions {
  [oauth.customFetch]?: (url: string, init: RequestInit) => Promise<Response>;
  [oauth.allowInsecureRequests]?: boolean;
}

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

/** The unverified claims of the ID token in a token response, read from a copy of it. */
async function idTokenClaimsOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return decodeJwtClaims((body as { id_token?: unknown } | null)?.id_token);
  } catch {
    return undefined;
  }
}

/**
 * Signs in with one provider and returns its validated tokens. With `interactive: false` the
 * request carries `prompt=none` and rides on the IdP's existing session, or fails with
 * {@link ErrorCodes.loginFailed} when the user is needed.
 */
export async function signInWithProvider(provider: Provider, deps: SignInDeps, interactive = true): Promise<SignInResult> {
  if (provider.oauth) return signInWithAccessToken(provider, deps, interactive);
  const options = requestOptions(provider, deps);
  return withDiscovery(provider, options, deps.discovery, (as) => {
    deps.onStep?.('discovery', `issuer ${as.issuer}; authorization at ${as.authorization_endpoint}; tokens at ${as.token_endpoint}`);
    return provider.flow === 'implicit' ? signInImplicit(provider, deps, as, interactive) : signInWithCode(provider, deps, as, options, interactive);
  });
}

/** The authorization code flow with PKCE, after discovery. */
async function signInWithCode(provider: Provider, deps: SignInDeps, as: oauth.AuthorizationServer, options: RequestOptions, interactive: boolean): Promise<SignInResult> {
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
