import { createSign, generateKeyPairSync } from 'node:crypto';
import { ErrorCodes } from '../../../src/errors';
import { IdTokenRejectedError } from '../../../src/oidc/id-token-rejected-error';
import type { Provider } from '../../../src/config/types';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import type { SignInStep } from '../../../src/oidc/types';
import { clientId, fakeIdp, issuer, publicJwks, redirectUri, signJwt } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { rejection } from '../support/rejection';

const provider: Provider = { id: 'google', name: 'Google', issuer, clientId, scopes: 'openid email', source: 'local', flow: 'implicit', authParams: { hd: 'example.com' } };
const now = () => Math.floor(Date.now() / 1000);
const claims = (nonce: string, extra: Record<string, unknown> = {}) => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: now(), exp: now() + 3600, nonce, ...extra });

function run(options: FakeIdpOptions = {}) {
  const idp = fakeIdp({ discovery: { response_types_supported: ['code', 'id_token'] }, ...options });
  const steps: [SignInStep, string][] = [];
  const promise = signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri, onStep: (step, detail) => steps.push([step, detail]) });
  return { idp, promise, steps };
}

/** A token signed by a key the issuer never published. */
function forged(payload: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

describe('implicit flow (id_token with nonce)', () => {
  it('asks for an ID token with state, nonce and the extra parameters, and verifies it against the JWKS', async () => {
    const { idp, promise, steps } = run();
    const result = await promise;
    const authorization = idp.authorization();
    expect(authorization?.get('response_type')).toBe('id_token');
    expect(authorization?.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorization?.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorization?.get('hd')).toBe('example.com');
    expect(authorization?.has('code_challenge')).toBe(false);
    expect(idp.requests.map((request) => request.url)).toEqual([`${issuer}/.well-known/openid-configuration`, `${issuer}/jwks`]);
    expect(result.subject).toBe('user-1');
    expect(result.refreshToken).toBeUndefined();
    expect(steps.map(([step]) => step)).toEqual(['discovery', 'authorization', 'token']);
    expect(steps[2]?.[1]).toContain(`signature verified against ${issuer}/jwks`);
  });

  it.each([
    ['a forged signature', { redirect: (url: URL) => { const params = new URLSearchParams(url.hash.slice(1)); params.set('id_token', forged(claims(''))); url.hash = params.toString(); return url.href; } }, 'its signature does not match the issuer\'s keys'],
    ['alg none', { idTokenHeader: { alg: 'none' } }, 'it is unsigned or signed with an algorithm (none) the provider does not announce'],
    ['another issuer', { claims: (nonce: string) => claims(nonce, { iss: 'https://evil.example.com' }) }, `its issuer is not ${issuer}`],
    ['another audience', { claims: (nonce: string) => claims(nonce, { aud: 'other' }) }, 'its audience does not include the client id'],
    ['several audiences without azp', { claims: (nonce: string) => claims(nonce, { aud: [clientId, 'other'] }) }, 'it was issued to another client'],
    ['an expired token', { claims: (nonce: string) => claims(nonce, { exp: now() - 3600 }) }, 'it has already expired'],
    ['a token from the future', { claims: (nonce: string) => claims(nonce, { iat: now() + 3600 }) }, 'it is not valid yet'],
    ['a token not valid before a future nbf', { claims: (nonce: string) => claims(nonce, { nbf: now() + 3600 }) }, 'it is not valid yet (nbf)'],
    ['an nbf that is not a number', { claims: (nonce: string) => claims(nonce, { nbf: 'soon' }) }, 'it is not valid yet (nbf)'],
    ['a critical header extension', { idTokenHeader: { alg: 'RS256', kid: 'k1', crit: ['exp'] } }, 'its header marks extensions as critical'],
    ['keys served over plain http', { discovery: { response_types_supported: ['code', 'id_token'], jwks_uri: 'http://idp.example.com/jwks' } }, 'is not https, so its keys could be anyone\'s'],
    ['another nonce', { claims: () => claims('replayed') }, 'its nonce does not match this sign-in'],
    ['no key with its kid', { idTokenHeader: { alg: 'RS256', kid: 'rotated' } }, 'no key of the issuer\'s key set matches it'],
    ['a key set without RSA keys', { jwks: { keys: [{ ...publicJwks.keys[0], kty: 'EC' }] } }, 'no key of the issuer\'s key set matches it'],
  ])('rejects %s before anything is returned', async (_name, options, reason) => {
    const error = await rejection(run(options as FakeIdpOptions).promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toContain(reason);
    // What the token claimed stays for the diagnostics, as in the code flow.
    expect(error).toBeInstanceOf(IdTokenRejectedError);
    expect((error as IdTokenRejectedError).unverifiedClaims).toMatchObject({ sub: 'user-1' });
  });

  it('drops an answer carrying two ID tokens, before verifying either', async () => {
    const doubled = (url: URL) => {
      const params = new URLSearchParams(url.hash.slice(1));
      params.append('id_token', forged(claims('')));
      url.hash = params.toString();
      return url.href;
    };
    const { idp, promise } = run({ redirect: doubled });
    const error = await rejection(promise);
    expect([error.code, error.message]).toEqual([ErrorCodes.authorizationRejected, 'The answer from Google carried more than one ID token, so it was discarded.']);
    expect(idp.requests.map((request) => request.url)).toEqual([`${issuer}/.well-known/openid-configuration`]);
  });

  it('rejects a response to another sign-in (state mismatch)', async () => {
    const error = await rejection(run({ redirect: (url) => url.href.replace(/state=[^&]+/, 'state=other') }).promise);
    expect(error.code).toBe(ErrorCodes.stateMismatch);
  });

  it('passes on the IdP\'s error from the fragment', async () => {
    const error = await rejection(run({ redirect: (url) => `${url.origin}${url.pathname}#error=access_denied&state=${new URLSearchParams(url.hash.slice(1)).get('state')}` }).promise);
    expect(error.code).toBe(ErrorCodes.authorizationRejected);
    expect(error.message).toContain('access_denied');
  });

  it('says when the keys cannot be fetched', async () => {
    const idp = fakeIdp();
    const fetchWithoutKeys: typeof fetch = async (url, init) => (String(url).endsWith('/jwks') ? Promise.reject(new TypeError('Failed to fetch')) : idp.fetch(url, init));
    const error = await rejection(signInWithProvider(provider, { fetch: fetchWithoutKeys, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }));
    expect(error.code).toBe(ErrorCodes.idpUnreachable);
    expect(error.hint).toContain(`allow the extension to reach ${issuer}`);
  });

  it('accepts ES256 when the issuer announces it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'e1' }] };
    const sign = (payload: Record<string, unknown>) => {
      const input = `${Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'e1' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${input}.${createSign('SHA256').update(input).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    };
    const { promise } = run({
      jwks,
      discovery: { id_token_signing_alg_values_supported: ['ES256'] },
      redirect: (url) => { const params = new URLSearchParams(url.hash.slice(1)); const token = params.get('id_token') ?? ''; const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>; params.set('id_token', sign(payload)); url.hash = params.toString(); return url.href; },
    });
    await expect(promise).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('keeps signJwt tokens verifiable (fixture check)', () => {
    expect(signJwt({ a: 1 }).split('.')).toHaveLength(3);
  });
});

describe('implicit flow and the "iss" response parameter (RFC 9207)', () => {
  it('accepts a response without "iss" from an IdP that announces it, since the ID token names the issuer', async () => {
    const { promise } = run({ discovery: { authorization_response_iss_parameter_supported: true } });
    await expect(promise).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('still rejects an "iss" parameter naming another issuer (mix-up)', async () => {
    const error = await rejection(run({ redirect: (url) => `${url.href}&iss=${encodeURIComponent('https://evil.example.com')}` }).promise);
    expect(error.code).toBe(ErrorCodes.stateMismatch);
  });
});
