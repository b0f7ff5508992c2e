import { ErrorCodes, ExtensionError } from '../../../src/errors';
import { rejection } from '../support/rejection';
import type { Provider } from '../../../src/config/types';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid email', source: 'local' };
const now = () => Math.floor(Date.now() / 1000);

function run(options: FakeIdpOptions = {}, interactive = true) {
  const idp = fakeIdp(options);
  const promise = signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }, interactive);
  return { idp, promise };
}

async function failure(options: FakeIdpOptions): Promise<ExtensionError> {
  const { promise } = run(options);
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ExtensionError);
  return error as ExtensionError;
}

describe('signInWithProvider', () => {
  it('runs the authorization code flow with PKCE, state and nonce and returns validated tokens', async () => {
    const { idp, promise } = run({ refreshToken: 'refresh-1' });
    const result = await promise;
    const authorization = idp.authorization();
    expect(authorization?.get('response_type')).toBe('code');
    expect(authorization?.get('client_id')).toBe(clientId);
    expect(authorization?.get('redirect_uri')).toBe(redirectUri);
    expect(authorization?.get('scope')).toBe('openid email');
    expect(authorization?.get('code_challenge_method')).toBe('S256');
    expect(authorization?.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization?.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorization?.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorization?.has('prompt')).toBe(false);

    const tokenRequest = idp.requests.find((request) => request.url === `${issuer}/token`);
    expect(tokenRequest?.body?.get('grant_type')).toBe('authorization_code');
    expect(tokenRequest?.body?.get('code')).toBe('code-1');
    expect(tokenRequest?.body?.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
    expect(tokenRequest?.body?.get('redirect_uri')).toBe(redirectUri);

    expect(result.subject).toBe('user-1');
    expect(result.refreshToken).toBe('refresh-1');
    expect(result.idToken.split('.')).toHaveLength(3);
    expect(result.idTokenExpiresAt).toBeGreaterThan(Date.now() + 3500_000);
    expect(result.claims.iss).toBe(issuer);
  });

  it('asks for prompt=none when not interactive', async () => {
    const { idp, promise } = run({}, false);
    await promise;
    expect(idp.authorization()?.get('prompt')).toBe('none');
  });

  it('says the IdP is unreachable when discovery cannot connect', async () => {
    const error = await failure({ down: true });
    expect(error.code).toBe(ErrorCodes.idpUnreachable);
    expect(error.message).toBe('Could not reach Corp SSO at https://idp.example.com.');
  });

  it('names the issuer the discovery document announces when it differs', async () => {
    const error = await failure({ discovery: { issuer: 'https://other.example.com' } });
    expect(error.code).toBe(ErrorCodes.discoveryFailed);
    expect(error.message).toBe('The discovery document at https://idp.example.com/.well-known/openid-configuration names issuer "https://other.example.com", not https://idp.example.com.');
  });

  it('reports a broken discovery document', async () => {
    const error = await failure({ discoveryStatus: 500 });
    expect(error.code).toBe(ErrorCodes.discoveryFailed);
  });

  it('reports a closed login window as cancelled', async () => {
    const idp = fakeIdp();
    const error = await rejection(signInWithProvider(provider, {
      fetch: idp.fetch,
      redirectUri,
      launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')),
    }));
    expect(error.code).toBe(ErrorCodes.loginCancelled);
    expect(idp.requests.some((request) => request.url.endsWith('/token'))).toBe(false);
  });

  it('rejects a response whose state does not match, before any token request', async () => {
    const { idp, promise } = run({ redirect: (url) => (url.searchParams.set('state', 'forged'), url.href) });
    const error = await rejection(promise);
    expect(error.code).toBe(ErrorCodes.stateMismatch);
    expect(idp.requests.some((request) => request.url.endsWith('/token'))).toBe(false);
  });

  it('rejects a response without state', async () => {
    const error = await failure({ redirect: (url) => (url.searchParams.delete('state'), url.href) });
    expect(error.code).toBe(ErrorCodes.stateMismatch);
  });

  it('rejects a redirect to another host or path', async () => {
    const error = await failure({ redirect: (url) => url.href.replace('.chromiumapp.org/', '.chromiumapp.org/elsewhere') });
    expect(error.code).toBe(ErrorCodes.redirectMismatch);
    const host = await failure({ redirect: (url) => url.href.replace('pphpgldbnphjbnncbdmijojinkfahdin', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') });
    expect(host.code).toBe(ErrorCodes.redirectMismatch);
  });

  it('rejects an iss parameter of another issuer (mix-up)', async () => {
    const error = await failure({ redirect: (url) => (url.searchParams.set('iss', 'https://evil.example.com'), url.href) });
    expect(error.code).toBe(ErrorCodes.stateMismatch);
    expect(error.message).toContain('another issuer');
  });

  it('explains an error the IdP sends back', async () => {
    const error = await failure({ redirect: (url) => (url.searchParams.delete('code'), url.searchParams.set('error', 'access_denied'), url.searchParams.set('error_description', 'User not assigned'), url.href) });
    expect(error.code).toBe(ErrorCodes.authorizationRejected);
    expect(error.message).toBe('Corp SSO refused the sign-in (access_denied: User not assigned).');
  });

  it('reports login_required on a silent attempt as needing the user', async () => {
    const error = await failure({ redirect: (url) => (url.searchParams.delete('code'), url.searchParams.set('error', 'login_required'), url.href) });
    expect(error.code).toBe(ErrorCodes.loginFailed);
  });

  it('discards a redirect without a code, before any token request', async () => {
    const { idp, promise } = run({ redirect: (url) => (url.searchParams.delete('code'), url.href) });
    const error = await rejection(promise);
    expect(error.code).toBe(ErrorCodes.authorizationRejected);
    expect(error.message).toBe('The answer from Corp SSO carried no authorization code, so it was discarded.');
    expect(idp.requests.some((request) => request.url.endsWith('/token'))).toBe(false);
  });

  it('explains a token endpoint error', async () => {
    const error = await failure({ tokenResponse: { status: 400, body: { error: 'invalid_client', error_description: 'client authentication failed' } } });
    expect(error.code).toBe(ErrorCodes.tokenRequestFailed);
    expect(error.message).toBe('Corp SSO refused to issue tokens (invalid_client: client authentication failed).');
    expect(error.hint).toContain('public client');
  });

  const base = (nonce: string) => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: now(), exp: now() + 3600, nonce });

  it.each([
    ['a wrong issuer', (nonce: string) => ({ ...base(nonce), iss: 'https://evil.example.com' }), 'its issuer is not https://idp.example.com'],
    ['a wrong audience', (nonce: string) => ({ ...base(nonce), aud: 'someone-else' }), 'its audience does not include the client id "client-123"'],
    ['a nonce mismatch', (nonce: string) => ({ ...base(nonce), nonce: 'replayed' }), 'its nonce does not match this sign-in'],
    ['a missing nonce', (nonce: string) => {
      const claims: Record<string, unknown> = base(nonce);
      delete claims.nonce;
      return claims;
    }, 'it has no "nonce" claim'],
    ['an expired token', (nonce: string) => ({ ...base(nonce), iat: now() - 7200, exp: now() - 3600 }), 'it has already expired'],
  ])('rejects an ID token with %s', async (_name, claims, reason) => {
    const error = await failure({ claims });
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toContain(reason);
  });

  it('rejects an unsigned (alg: none) ID token', async () => {
    const error = await failure({ idTokenHeader: { alg: 'none', typ: 'JWT' } });
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toContain('unsigned or signed with an algorithm the provider does not announce');
  });

  it('rejects an ID token signed with an algorithm the IdP did not announce', async () => {
    const error = await failure({ idTokenHeader: { alg: 'HS256', typ: 'JWT' } });
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
  });

  it('never puts a token in an error message', async () => {
    const error = await failure({ claims: (nonce) => ({ ...base(nonce), aud: 'x' }) });
    expect(`${error.message} ${error.hint}`).not.toMatch(/eyJ/);
  });
});
