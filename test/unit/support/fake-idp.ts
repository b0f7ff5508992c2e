/**
 * An OpenID Provider in memory: a fetch function answering discovery and token requests, and a
 * stand-in for the browser's web auth flow. Tests bend any part of it to attack the client.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';

export const issuer = 'https://idp.example.com';
export const clientId = 'client-123';
export const redirectUri = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** A key the IdP does not publish: what a forger signs with. */
const { privateKey: attackerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** The IdP's key set, as its jwks_uri serves it. */
export const publicJwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] };

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A JSON answer, as an IdP's endpoints give it. */
export const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The discovery document of an IdP at `idpIssuer`: code flow with PKCE, ID tokens signed with RS256. */
export function discoveryDocument(idpIssuer: string): Record<string, unknown> {
  return {
    issuer: idpIssuer,
    authorization_endpoint: `${idpIssuer}/authorize`,
    token_endpoint: `${idpIssuer}/token`,
    jwks_uri: `${idpIssuer}/jwks`,
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  };
}

/** Signs a JWT with RS256 (or writes an unsigned one for `alg: none`). */
export function signJwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k1' }, forged = false): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  if (header.alg === 'none') return `${input}.`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(forged ? attackerKey : privateKey).toString('base64url')}`;
}

/** What a test may change about the IdP's behaviour. */
export interface FakeIdpOptions {
  discovery?: Record<string, unknown>;
  discoveryStatus?: number;
  /** Replaces or removes (undefined) ID token claims; gets the nonce of the request. */
  claims?: (nonce: string) => Record<string, unknown>;
  idTokenHeader?: Record<string, unknown>;
  /** Signs the ID token with a key the IdP does not publish. */
  forgedSignature?: boolean;
  /** Makes the keys endpoint unreachable while the rest answers. */
  jwksDown?: boolean;
  tokenResponse?: { status: number; body: Record<string, unknown> };
  refreshToken?: string;
  /** Rewrites the redirect the "browser" returns. */
  redirect?: (url: URL) => string;
  /** Makes the whole IdP unreachable. */
  down?: boolean;
  /** Replaces the key set at jwks_uri. */
  jwks?: Record<string, unknown>;
  /** The answer of `${issuer}/userinfo` for OAuth 2.0 access tokens. */
  userInfo?: { status: number; body: Record<string, unknown> };
}

/** Builds the fake; `requests` records every request for assertions. */
export function fakeIdp(options: FakeIdpOptions = {}) {
  const requests: { url: string; body?: URLSearchParams }[] = [];
  let lastAuthorization: URLSearchParams | undefined;
  const now = Math.floor(Date.now() / 1000);

  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = String(url instanceof Request ? url.url : url);
    const body = init?.body ? new URLSearchParams(String(init.body)) : undefined;
    requests.push(body ? { url: href, body } : { url: href });
    if (options.down) throw new TypeError('Failed to fetch');
    if (href === `${issuer}/.well-known/openid-configuration`) {
      return jsonResponse({ ...discoveryDocument(issuer), revocation_endpoint: `${issuer}/revoke`, ...options.discovery }, options.discoveryStatus ?? 200);
    }
    if (href === `${issuer}/jwks`) {
      if (options.jwksDown) throw new TypeError('Failed to fetch');
      return jsonResponse(options.jwks ?? publicJwks);
    }
    if (href === `${issuer}/userinfo`) {
      const answer = options.userInfo ?? { status: 200, body: { user_id: 'amzn1.account.user1', email: 'user1@example.com', name: 'User One' } };
      return jsonResponse(answer.body, answer.status);
    }
    if (href === `${issuer}/token`) {
      if (options.tokenResponse) return jsonResponse(options.tokenResponse.body, options.tokenResponse.status);
      const nonce = lastAuthorization?.get('nonce') ?? '';
      const claims = options.claims?.(nonce) ?? { iss: issuer, aud: clientId, sub: 'user-1', iat: now, exp: now + 3600, nonce };
      return jsonResponse({
        access_token: 'access-1',
        token_type: 'Bearer',
        expires_in: 3600,
        id_token: signJwt(claims, options.idTokenHeader, options.forgedSignature),
        ...(options.refreshToken ? { refresh_token: options.refreshToken } : {}),
      });
    }
    if (href === `${issuer}/revoke`) return new Response(null, { status: 200 });
    return jsonResponse({ error: 'not_found' }, 404);
  };

  /** Plays the browser and the user: approves and redirects back with a code. */
  const launchWebAuthFlow = async (url: string): Promise<string> => {
    const authorization = new URL(url);
    lastAuthorization = authorization.searchParams;
    const back = new URL(authorization.searchParams.get('redirect_uri') ?? redirectUri);
    const state = authorization.searchParams.get('state');
    const responseType = authorization.searchParams.get('response_type');
    if (responseType === 'id_token' || responseType === 'token') {
      // Implicit and access-token responses come back in the fragment.
      const fragment = new URLSearchParams();
      if (responseType === 'id_token') {
        const nonce = authorization.searchParams.get('nonce') ?? '';
        fragment.set('id_token', signJwt(options.claims?.(nonce) ?? { iss: issuer, aud: clientId, sub: 'user-1', iat: now, exp: now + 3600, nonce }, options.idTokenHeader));
      } else {
        fragment.set('access_token', 'oauth-access-1');
        fragment.set('token_type', 'bearer');
        fragment.set('expires_in', '3600');
      }
      if (state) fragment.set('state', state);
      back.hash = fragment.toString();
      return options.redirect ? options.redirect(back) : back.href;
    }
    back.searchParams.set('code', 'code-1');
    if (state) back.searchParams.set('state', state);
    return options.redirect ? options.redirect(back) : back.href;
  };

  return { fetch, launchWebAuthFlow, requests, authorization: () => lastAuthorization };
}
