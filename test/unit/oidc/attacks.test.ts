/**
 * Attacks on the sign-in, each against the defence that stops it: a forged, replayed or
 * mixed-up authorization response, and ID tokens a client must not pass on to STS.
 */
import type { Provider } from '../../../src/config/types';
import { ErrorCodes } from '../../../src/errors';
import { IdTokenRejectedError } from '../../../src/oidc/id-token-rejected-error';
import { providerRedirectUri } from '../../../src/config/redirect-uri';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { rejection } from '../support/rejection';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid', source: 'local' };
const now = () => Math.floor(Date.now() / 1000);

function attempt(options: FakeIdpOptions = {}, launch?: (url: string) => Promise<string>) {
  const idp = fakeIdp(options);
  const promise = signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: launch ?? idp.launchWebAuthFlow, redirectUri });
  const tokenRequests = () => idp.requests.filter((request) => request.url === `${issuer}/token`).length;
  return { idp, promise, tokenRequests };
}

describe('authorization response attacks', () => {
  it('refuses a replayed authorization response: the code and state of an earlier sign-in', async () => {
    let captured = '';
    await attempt({ redirect: (url) => (captured = url.href) }).promise;
    expect(new URL(captured).searchParams.get('code')).toBe('code-1');

    const replay = attempt({}, async () => captured);
    const error = await rejection(replay.promise);
    expect(error.code).toBe(ErrorCodes.stateMismatch);
    expect(replay.tokenRequests()).toBe(0);
  });

  it('refuses a response carrying the code twice', async () => {
    const { promise, tokenRequests } = attempt({ redirect: (url) => (url.searchParams.append('code', 'code-2'), url.href) });
    const error = await rejection(promise);
    expect(error.code).toBe(ErrorCodes.authorizationRejected);
    expect(error.message).toBe('The answer from Corp SSO carried more than one authorization code, so it was discarded.');
    expect(tokenRequests()).toBe(0);
  });

  it('refuses a response carrying a second state', async () => {
    const { promise, tokenRequests } = attempt({ redirect: (url) => (url.searchParams.append('state', 'forged'), url.href) });
    expect((await rejection(promise)).code).toBe(ErrorCodes.stateMismatch);
    expect(tokenRequests()).toBe(0);
  });

  it('refuses a response without iss when the IdP announces it always sends one (mix-up)', async () => {
    const { promise, tokenRequests } = attempt({ discovery: { authorization_response_iss_parameter_supported: true } });
    expect((await rejection(promise)).code).toBe(ErrorCodes.stateMismatch);
    expect(tokenRequests()).toBe(0);
  });

  it('accepts a response whose iss is the issuer', async () => {
    const { promise } = attempt({ discovery: { authorization_response_iss_parameter_supported: true }, redirect: (url) => (url.searchParams.set('iss', issuer), url.href) });
    await expect(promise).resolves.toMatchObject({ subject: 'user-1' });
  });

  it.each([
    ['a look-alike host', (url: URL) => url.href.replace('https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/', 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org.evil.example/')],
    ['plain http', (url: URL) => url.href.replace('https:', 'http:')],
    ['another port', (url: URL) => url.href.replace('chromiumapp.org/', 'chromiumapp.org:8443/')],
  ])('refuses a redirect to %s', async (_name, redirect) => {
    const { promise, tokenRequests } = attempt({ redirect });
    expect((await rejection(promise)).code).toBe(ErrorCodes.redirectMismatch);
    expect(tokenRequests()).toBe(0);
  });

  it('refuses a code that came back to another provider\'s redirect URI: a relaying provider never gets an honest IdP\'s code (mix-up)', async () => {
    // The hostile provider relays the authorization request to an honest IdP, which sends its
    // code only to the URI registered with it: the honest provider's own, not the hostile one's.
    const idp = fakeIdp({ redirect: (url) => url.href.replace(/\/hostile(?=\?|#|$)/, '/corp') });
    const hostile: Provider = { ...provider, id: 'hostile', name: 'Hostile' };
    const promise = signInWithProvider(hostile, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri: providerRedirectUri(redirectUri, 'hostile') });
    expect((await rejection(promise)).code).toBe(ErrorCodes.redirectMismatch);
    expect(idp.authorization()?.get('redirect_uri')).toBe(`${redirectUri}hostile`);
    expect(idp.requests.filter((request) => request.url === `${issuer}/token`)).toEqual([]);
  });

  it('refuses a redirect that is not a URL', async () => {
    const { promise, tokenRequests } = attempt({}, async () => 'not a url');
    expect((await rejection(promise)).code).toBe(ErrorCodes.loginFailed);
    expect(tokenRequests()).toBe(0);
  });
});

describe('ID token attacks', () => {
  const base = (nonce: string) => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: now(), exp: now() + 3600, nonce });

  it('refuses a token signed with a key the IdP does not publish', async () => {
    const { promise } = attempt({ forgedSignature: true });
    const error = await rejection(promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toBe('Corp SSO returned an ID token that was rejected: its signature does not verify with the keys the provider publishes.');
  });

  it('verifies the signature against the jwks_uri of the discovery document', async () => {
    const { idp, promise } = attempt();
    await promise;
    expect(idp.requests.map((request) => request.url)).toContain(`${issuer}/jwks`);
  });

  it('says the keys could not be read when the jwks_uri is unreachable', async () => {
    const error = await rejection(attempt({ jwksDown: true }).promise);
    expect(error.code).toBe(ErrorCodes.idpUnreachable);
  });

  it('refuses a token whose audience is another client, keeping its claims for the diagnostics only', async () => {
    const error = await rejection(attempt({ claims: (nonce) => ({ ...base(nonce), aud: 'someone-else' }) }).promise);
    expect(error).toBeInstanceOf(IdTokenRejectedError);
    expect((error as IdTokenRejectedError).unverifiedClaims).toMatchObject({ aud: 'someone-else', sub: 'user-1' });
    expect(JSON.stringify(error.toJSON())).not.toContain('someone-else');
  });

  it.each([
    ['RS256 with no signature', { alg: 'RS256', typ: 'JWT', kid: 'k1' }, (token: string) => token.replace(/\.[\w-]+$/, '.')],
    ['a none algorithm in capitals', { alg: 'NONE', typ: 'JWT' }, (token: string) => token],
    ['an HMAC algorithm keyed with the public key', { alg: 'HS256', typ: 'JWT', kid: 'k1' }, (token: string) => token],
  ])('refuses %s', async (_name, header, mangle) => {
    const idp = fakeIdp({ idTokenHeader: header });
    const fetchMangled = async (url: string | URL | Request, init?: RequestInit) => {
      const response = await idp.fetch(url, init);
      if (!String(url).endsWith('/token')) return response;
      const body = (await response.json()) as { id_token: string };
      return new Response(JSON.stringify({ ...body, id_token: mangle(body.id_token) }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const error = await rejection(signInWithProvider(provider, { fetch: fetchMangled, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }));
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
  });

  it('refuses a token issued for the future (nbf ahead)', async () => {
    const error = await rejection(attempt({ claims: (nonce) => ({ ...base(nonce), nbf: now() + 3600 }) }).promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toContain('not valid yet');
  });

  it('refuses a token with several audiences and an azp of another client', async () => {
    const error = await rejection(attempt({ claims: (nonce) => ({ ...base(nonce), aud: [clientId, 'other'], azp: 'other' }) }).promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
  });
});
