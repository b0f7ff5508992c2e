/**
 * OAuth 2.0 access tokens for STS from providers without OpenID Connect (Login with Amazon,
 * Facebook): the token response type through the browser's web auth flow, then the user's id from
 * the provider, from which the session name is derived. STS checks the token with the provider
 * named by `ProviderId`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2
 */
import * as oauth from 'oauth4webapi';
import { oauthProviders } from '../config/oauth-providers';
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import { authorizationUrl, authorizeInFragment } from './browser-leg';
import type { SignInDeps, SignInResult } from './types';

async function userInfo(provider: Provider, endpoint: string, accessToken: string, fetcher: typeof fetch): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetcher(endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
  } catch (error) {
    throw new ExtensionError(ErrorCodes.idpUnreachable, `Could not reach ${provider.name} at ${new URL(endpoint).origin} to read your user id.`, {
      hint: `Check your network; if it blocks cross-origin requests, allow the extension to reach ${new URL(endpoint).origin} in the options page.`,
      cause: error,
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || typeof body !== 'object' || body === null) {
    throw new ExtensionError(ErrorCodes.tokenRequestFailed, `${provider.name} did not tell the user id for this access token (HTTP ${response.status} from ${endpoint}).`, {
      hint: 'Check the provider\'s scopes: the user\'s profile must be readable with them.',
    });
  }
  return body as Record<string, unknown>;
}

/** Signs in with an OAuth 2.0 provider and returns its access token in place of an ID token. */
export async function signInWithAccessToken(provider: Provider, deps: SignInDeps, interactive: boolean): Promise<SignInResult> {
  const settings = provider.oauth;
  if (!settings) throw new ExtensionError(ErrorCodes.configInvalid, `${provider.name} is not an OAuth 2.0 provider.`, { hint: 'Set "type": "oauth2".' });
  const state = oauth.generateRandomState();
  const url = authorizationUrl(settings.authorizationEndpoint, provider, {
    client_id: provider.clientId,
    redirect_uri: deps.redirectUri,
    response_type: 'token',
    scope: provider.scopes,
    state,
  });
  const { tokens, params } = await authorizeInFragment(provider, deps, { url, interactive, as: { issuer: provider.issuer }, state, tokenParam: 'access_token' });
  const accessToken = tokens[0];
  if (!accessToken) throw new ExtensionError(ErrorCodes.tokenRequestFailed, `${provider.name} returned no access token.`, { hint: 'Allow the implicit grant (response type "token") for this application.' });
  deps.onStep?.('authorization', 'an access token in the redirect');

  const profile = await userInfo(provider, settings.userInfoEndpoint, accessToken, deps.fetch ?? fetch);
  const field = oauthProviders[settings.stsProviderId]?.subjectField ?? 'id';
  const subject = [profile[field], profile.user_id, profile.id, profile.sub].find((value) => typeof value === 'string' || typeof value === 'number');
  if (subject === undefined || subject === '') {
    throw new ExtensionError(ErrorCodes.tokenRequestFailed, `${provider.name} did not tell the user id ("${field}") at ${settings.userInfoEndpoint}.`, { hint: 'Check the provider\'s userInfoEndpoint.' });
  }
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = Number(params.get('expires_in')) > 0 ? Number(params.get('expires_in')) : 3600;
  deps.onStep?.('token', `access token for ${expiresIn} s; user id from ${settings.userInfoEndpoint}`);
  const claims: oauth.IDToken = {
    iss: provider.issuer,
    aud: provider.clientId,
    sub: String(subject),
    iat: now,
    exp: now + expiresIn,
    ...(typeof profile.email === 'string' ? { email: profile.email } : {}),
    ...(typeof profile.name === 'string' ? { name: profile.name } : {}),
  };
  return { idToken: accessToken, idTokenExpiresAt: claims.exp * 1000, subject: claims.sub, claims, tokenKind: 'access_token' };
}
