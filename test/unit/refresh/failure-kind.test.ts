import type { Profile, Provider } from '../../../src/config/types';
import type { ExtensionError } from '../../../src/errors';
import { ErrorCodes } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { failureKind, failureKindOfCode } from '../../../src/refresh/failure-kind';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import { rejection } from '../support/rejection';
import { startStsStandIn, stsError } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid', source: 'local' };

async function silentFailure(launch: (url: string) => Promise<string>): Promise<ExtensionError> {
  const idp = fakeIdp();
  return rejection(signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: launch, redirectUri }, false));
}

async function stsFailure(answer: StsAnswer): Promise<ExtensionError> {
  const server = await startStsStandIn(() => answer);
  const profile: Profile = {
    id: 'dev', name: 'Dev', providerId: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', partition: 'aws', accountId: '123456789012',
    roleName: 'Dev', region: 'us-east-1', durationSeconds: 3600, stsEndpoint: server.endpoint, pinned: true, source: 'local',
  };
  try {
    return await rejection(assumeRoleWithWebIdentity({ profile, provider, idToken: 'h.p.s', sessionName: 'wic-1' }));
  } finally {
    await server.close();
  }
}

describe('failureKind', () => {
  it('asks for the user when a silent sign-in is answered with login_required', async () => {
    const idp = fakeIdp({ redirect: (url) => `${url.origin}${url.pathname}?error=login_required&state=${url.searchParams.get('state')}` });
    const error = await rejection(signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }, false));
    expect(error.code).toBe(ErrorCodes.loginFailed);
    expect(failureKind(error)).toBe('user-needed');
  });

  it('asks for the user when Chrome says the IdP wanted interaction', async () => {
    expect(failureKind(await silentFailure(async () => Promise.reject(new Error('User interaction required.'))))).toBe('user-needed');
  });

  it('asks for the user when Firefox refuses a silent flow because the IdP showed a page (as for login_required)', async () => {
    // Firefox's words, as test/e2e/firefox-web-auth-flow.test.ts sees them in Firefox ESR.
    const error = await silentFailure(async () => Promise.reject(new Error('Requires user interaction')));
    expect([error.code, error.message]).toEqual([ErrorCodes.loginFailed, 'Corp SSO needs you to sign in again.']);
    expect(failureKind(error)).toBe('user-needed');
  });

  it('retries when the IdP\'s page could not be loaded (an HTTP error or no network on the way)', async () => {
    expect(failureKind(await silentFailure(async () => Promise.reject(new Error('Authorization page could not be loaded.'))))).toBe('transient');
  });

  it('renews the token when STS says it expired, and stops on what the trust policy refuses', async () => {
    expect(failureKind(await stsFailure(stsError('ExpiredTokenException', 'Token expired')))).toBe('token-expired');
    expect(failureKind(await stsFailure(stsError('AccessDenied', 'Not authorized', 403)))).toBe('permanent');
    expect(failureKind(await stsFailure(stsError('InvalidIdentityToken', 'No OpenIDConnect provider found')))).toBe('permanent');
  });

  it('retries an STS server error', async () => {
    const error = await stsFailure(stsError('InternalFailure', 'Internal failure', 500));
    expect(error.code).toBe(ErrorCodes.stsUnavailable);
    expect(failureKind(error)).toBe('transient');
    expect(failureKindOfCode(ErrorCodes.interrupted)).toBe('transient');
  }, 30_000);

  it('retries what it cannot name rather than give up', () => {
    expect(failureKind(new Error('bug'))).toBe('transient');
    expect(failureKindOfCode(ErrorCodes.stsThrottled)).toBe('transient');
    expect(failureKindOfCode(ErrorCodes.sessionLifetimeReached)).toBe('user-needed');
    expect(failureKindOfCode(ErrorCodes.stsRejectedClaim)).toBe('permanent');
  });
});
