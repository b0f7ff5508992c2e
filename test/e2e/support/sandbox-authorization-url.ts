/**
 * Authorization requests to the sandbox IdP as a public client makes them, for the tests that
 * drive launchWebAuthFlow themselves: the code flow with PKCE (RFC 7636, S256) at oidc-provider's
 * authorization endpoint, `/auth`.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A PKCE code verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/**
 * The sandbox IdP's authorization URL for a code flow with PKCE, asking for a refresh token;
 * `extra` adds parameters such as `state` and `prompt`.
 */
export function sandboxAuthorizationUrl(
  idp: { issuer: string; clientId: string },
  redirectUri: string,
  challenge: string,
  extra: Record<string, string> = {},
): string {
  const url = new URL('/auth', idp.issuer);
  url.search = new URLSearchParams({
    client_id: idp.clientId,
    response_type: 'code',
    scope: 'openid offline_access',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  return url.href;
}
