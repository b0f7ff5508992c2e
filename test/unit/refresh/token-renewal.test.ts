import type { Provider } from '../../../src/config/types';
import type { ExtensionError } from '../../../src/errors';
import { ErrorCodes } from '../../../src/errors';
import { refreshIdToken } from '../../../src/oidc/refresh-id-token';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { failureKind } from '../../../src/refresh/failure-kind';
import { renewProviderSession } from '../../../src/refresh/token-renewal';
import type { RenewalOutcome, TokenRenewalDeps } from '../../../src/refresh/token-renewal';
import type { ProviderSession } from '../../../src/storage/records';
import { redirectUri } from '../support/refresh-world';
import { simulatedIdp } from '../support/simulated-idp';

const provider = (scopes: string): Provider => ({ id: 'corp', name: 'Corp SSO', issuer: 'https://corp.example.com', clientId: 'corp-client', scopes, source: 'local' });

async function signedIn(scopes = 'openid offline_access', extraClaims?: () => Record<string, unknown>) {
  const idp = simulatedIdp({ issuer: 'https://corp.example.com', clientId: 'corp-client', redirectUri, ...(extraClaims ? { extraClaims } : {}) });
  const flow = { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri };
  const result = await signInWithProvider(provider(scopes), flow, true);
  const session: ProviderSession = { issuer: 'https://corp.example.com', clientId: 'corp-client', idToken: result.idToken, idTokenExpiresAt: result.idTokenExpiresAt, subject: result.subject, signedInAt: 1, ...(result.refreshToken ? { refreshToken: result.refreshToken } : {}) };
  const deps: TokenRenewalDeps = {
    refreshIdToken: (target, refreshToken) => refreshIdToken(target, refreshToken, { fetch: idp.fetch }),
    silentSignIn: (target) => signInWithProvider(target, flow, false),
  };
  return { idp, session, deps, provider: provider(scopes) };
}

const grants = (idp: ReturnType<typeof simulatedIdp>) => idp.requests.filter((request) => request.kind === 'token').map((request) => `${request.grant}:${request.outcome}`);
const failed = (outcome: RenewalOutcome) => {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome;
};

describe('renewProviderSession', () => {
  it('uses the refresh token first and stores the rotated one, keeping who signed in and when', async () => {
    const { idp, session, deps, provider } = await signedIn();
    const outcome = await renewProviderSession(provider, session, 'auto', deps);
    expect(outcome).toMatchObject({ ok: true, method: 'refresh-token' });
    expect(outcome.session.refreshToken).toMatch(/^refresh-/);
    expect(outcome.session.refreshToken).not.toBe(session.refreshToken);
    expect(outcome.session).toMatchObject({ subject: 'alice', signedInAt: 1 });
    expect(outcome.session.idToken).not.toBe(session.idToken);
    expect(grants(idp)).toEqual(['authorization_code:ok', 'refresh_token:ok']);
    expect(idp.prompts()).toBe(1);
  });

  it('hands back the renewed token\'s claims, so roles the IdP changed since sign-in are seen', async () => {
    let roles = ['arn:aws:iam::123456789012:role/Developer'];
    for (const scopes of ['openid offline_access', 'openid']) {
      const { session, deps, provider } = await signedIn(scopes, () => ({ roles }));
      roles = ['arn:aws:iam::123456789012:role/Developer', 'arn:aws:iam::123456789012:role/ReadOnly'];
      const outcome = await renewProviderSession(provider, session, 'auto', deps);
      if (!outcome.ok) throw new Error('expected a renewal');
      expect(outcome.claims).toMatchObject({ sub: 'alice', roles });
      roles = ['arn:aws:iam::123456789012:role/Developer'];
    }
  });

  it('signs in silently with prompt=none when the IdP issued no refresh token', async () => {
    const { idp, session, deps, provider } = await signedIn('openid');
    expect(session.refreshToken).toBeUndefined();
    const outcome = await renewProviderSession(provider, session, 'auto', deps);
    expect(outcome).toMatchObject({ ok: true, method: 'silent-sign-in' });
    expect(idp.requests.filter((request) => request.kind === 'authorize').map((request) => request.interactive)).toEqual([true, false]);
  });

  it('falls back to silent sign-in when the refresh token is refused, and never sends that token again', async () => {
    const { idp, session, deps, provider } = await signedIn();
    idp.revokeGrants();
    const outcome = await renewProviderSession(provider, session, 'auto', deps);
    expect(outcome).toMatchObject({ ok: true, method: 'silent-sign-in' });
    // The silent sign-in asked for offline_access too, so a new grant came with a new token.
    expect(outcome.session.refreshToken).toBeDefined();
    expect(outcome.session.refreshToken).not.toBe(session.refreshToken);
    expect(grants(idp)).toEqual(['authorization_code:ok', 'refresh_token:invalid_grant', 'authorization_code:ok']);
  });

  it('needs the user when both the refresh token and the IdP session are gone, and drops the refused token', async () => {
    const { idp, session, deps, provider } = await signedIn();
    idp.revokeGrants();
    idp.revokeSessions();
    const outcome = failed(await renewProviderSession(provider, session, 'auto', deps));
    expect(failureKind(outcome.error)).toBe('user-needed');
    expect((outcome.error as ExtensionError).message).toBe('Corp SSO needs you to sign in again (login_required).');
    expect(outcome.session.refreshToken).toBeUndefined();
    expect(outcome.session.idToken).toBe(session.idToken);
    expect(idp.prompts()).toBe(1);
  });

  it('keeps the refresh token and does not try silent sign-in while the IdP is unreachable', async () => {
    const { idp, session, deps, provider } = await signedIn();
    idp.setUp(false);
    const outcome = failed(await renewProviderSession(provider, session, 'auto', deps));
    expect((outcome.error as ExtensionError).code).toBe(ErrorCodes.idpUnreachable);
    expect(outcome.session).toBe(session);
    expect(idp.requests.filter((request) => request.kind === 'authorize')).toHaveLength(1);
  });

  it('follows the provider\'s chosen path', async () => {
    const withToken = await signedIn();
    expect(await renewProviderSession(withToken.provider, withToken.session, 'silent-sign-in', withToken.deps)).toMatchObject({ ok: true, method: 'silent-sign-in' });
    expect(grants(withToken.idp)).not.toContain('refresh_token:ok');

    const without = await signedIn('openid');
    const outcome = failed(await renewProviderSession(without.provider, without.session, 'refresh-token', without.deps));
    expect((outcome.error as ExtensionError).message).toBe('Corp SSO issued no refresh token, so the sign-in cannot be renewed with one.');
    expect((outcome.error as ExtensionError).hint).toContain('offline_access');
    expect(without.idp.requests.filter((request) => request.kind === 'authorize')).toHaveLength(1);
  });

  it('refuses a renewed token for another user', async () => {
    const { session, deps, provider } = await signedIn('openid');
    const outcome = failed(await renewProviderSession(provider, { ...session, subject: 'bob' }, 'auto', deps));
    expect((outcome.error as ExtensionError).code).toBe(ErrorCodes.subjectChanged);
    expect(failureKind(outcome.error)).toBe('user-needed');
  });
});
