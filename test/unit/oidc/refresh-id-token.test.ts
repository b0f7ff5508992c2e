import * as oauth from 'oauth4webapi';
import type { Provider } from '../../../src/config/types';
import { ErrorCodes } from '../../../src/errors';
import { refreshIdToken } from '../../../src/oidc/refresh-id-token';
import { failureKind } from '../../../src/refresh/failure-kind';
import { clientId, fakeIdp, issuer } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { rejection } from '../support/rejection';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid offline_access', source: 'local' };
const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => () => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: now(), exp: now() + 3600, ...overrides });

function refresh(options: FakeIdpOptions) {
  const idp = fakeIdp(options);
  return { idp, promise: refreshIdToken(provider, 'refresh-old', { fetch: idp.fetch }) };
}

describe('refreshIdToken', () => {
  it('sends the refresh token grant once and returns the new ID token and the rotated refresh token', async () => {
    const { idp, promise } = refresh({ claims: claims(), refreshToken: 'refresh-new' });
    const result = await promise;
    const token = idp.requests.filter((request) => request.url === `${issuer}/token`);
    expect(token).toHaveLength(1);
    expect(Object.fromEntries(token[0]?.body ?? [])).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-old', client_id: clientId });
    expect(result).toMatchObject({ subject: 'user-1', refreshToken: 'refresh-new' });
    expect(result.idTokenExpiresAt).toBeGreaterThan(Date.now() + 3500_000);
    expect(result.idToken.split('.')).toHaveLength(3);
  });

  it('leaves the refresh token out when the IdP does not rotate it', async () => {
    const result = await refresh({ claims: claims() }).promise;
    expect(result).not.toHaveProperty('refreshToken');
  });

  it.each([
    ['iss', { iss: 'https://evil.example.com' }, 'its issuer is not https://idp.example.com'],
    ['aud', { aud: 'someone-else' }, 'its audience does not include the client id "client-123"'],
    ['exp', { exp: now() - 600 }, 'it has already expired'],
  ])('rejects a new ID token with a wrong %s', async (_claim, overrides, reason) => {
    const error = await rejection(refresh({ claims: claims(overrides) }).promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toBe(`Corp SSO returned an ID token that was rejected: ${reason}.`);
    expect(failureKind(error)).toBe('permanent');
  });

  it('rejects a new ID token whose signature does not verify with the keys the IdP publishes', async () => {
    const error = await rejection(refresh({ claims: claims(), forgedSignature: true }).promise);
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toBe('Corp SSO returned an ID token that was rejected: its signature does not verify with the keys the provider publishes.');
    expect(failureKind(error)).toBe('permanent');
  });

  it('says a refused refresh token needs the user (invalid_grant)', async () => {
    const error = await rejection(refresh({ tokenResponse: { status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } } }).promise);
    expect(error.code).toBe(ErrorCodes.tokenRequestFailed);
    expect(error.message).toBe('Corp SSO refused to issue tokens (invalid_grant: grant request is invalid).');
    expect(error.cause).toBeInstanceOf(oauth.ResponseBodyError);
    expect(failureKind(error)).toBe('user-needed');
  });

  it('treats a 5xx from the token endpoint as worth retrying', async () => {
    const error = await rejection(refresh({ tokenResponse: { status: 503, body: { error: 'temporarily_unavailable' } } }).promise);
    expect(failureKind(error)).toBe('transient');
  });

  it('refuses an answer without an ID token, pointing to the other renewal path', async () => {
    const idp = fakeIdp({ tokenResponse: { status: 200, body: { access_token: 'a', token_type: 'Bearer', refresh_token: 'r2' } } });
    const error = await rejection(refreshIdToken(provider, 'refresh-old', { fetch: idp.fetch }));
    expect(error.code).toBe(ErrorCodes.idTokenInvalid);
    expect(error.message).toBe('Corp SSO renewed the sign-in but returned no ID token.');
    expect(error.hint).toContain('silent sign-in');
  });

  it('says the IdP is unreachable without a network, and that is worth retrying', async () => {
    const error = await rejection(refresh({ down: true }).promise);
    expect(error.code).toBe(ErrorCodes.idpUnreachable);
    expect(failureKind(error)).toBe('transient');
  });
});
