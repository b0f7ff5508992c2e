import { ErrorCodes } from '../../../src/errors';
import type { Provider } from '../../../src/config/types';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { rejection } from '../support/rejection';

const provider: Provider = {
  id: 'amazon', name: 'Amazon', issuer: 'https://www.amazon.com', clientId, scopes: 'profile', source: 'local',
  oauth: { stsProviderId: 'www.amazon.com', authorizationEndpoint: `${issuer}/authorize`, userInfoEndpoint: `${issuer}/userinfo` },
};

function run(options: FakeIdpOptions = {}) {
  const idp = fakeIdp(options);
  return { idp, promise: signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }) };
}

describe('OAuth 2.0 access tokens (Login with Amazon, Facebook)', () => {
  it('asks for a token without discovery, and reads the user id with it', async () => {
    const { idp, promise } = run();
    const result = await promise;
    const authorization = idp.authorization();
    expect(authorization?.get('response_type')).toBe('token');
    expect(authorization?.get('scope')).toBe('profile');
    expect(authorization?.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(idp.requests.map((request) => request.url)).toEqual([`${issuer}/userinfo`]);
    expect(result).toMatchObject({ idToken: 'oauth-access-1', subject: 'amzn1.account.user1', tokenKind: 'access_token' });
    expect(result.claims).toMatchObject({ iss: 'https://www.amazon.com', sub: 'amzn1.account.user1', email: 'user1@example.com' });
    expect(result.idTokenExpiresAt).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('rejects a response to another sign-in', async () => {
    const error = await rejection(run({ redirect: (url) => url.href.replace(/state=[^&]+/, 'state=other') }).promise);
    expect(error.code).toBe(ErrorCodes.stateMismatch);
  });

  it('says when the user id cannot be read', async () => {
    const error = await rejection(run({ userInfo: { status: 401, body: { error: 'invalid_token' } } }).promise);
    expect(error.code).toBe(ErrorCodes.tokenRequestFailed);
    expect(error.message).toContain(`HTTP 401 from ${issuer}/userinfo`);
  });

  it('refuses a redirect to another URI', async () => {
    const error = await rejection(run({ redirect: (url) => url.href.replace('chromiumapp.org/', 'chromiumapp.org/elsewhere') }).promise);
    expect(error.code).toBe(ErrorCodes.redirectMismatch);
  });
});
