import { validateConfiguration } from '../../../src/config/validate-configuration';
import { ErrorCodes, ExtensionError } from '../../../src/errors';
import type { SignInResult } from '../../../src/oidc/types';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import type { SignInServiceDeps } from '../../../src/sign-in/sign-in-service';
import type { PreparedCredentialsRequest } from '../../../src/cognito/credentials-request';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { memorySessionStore } from '../support/memory-session-store';
import { rejection } from '../support/rejection';

const document = {
  providers: [
    { id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' },
    { id: 'other', issuer: 'https://other.example.com', clientId: 'xyz' },
  ],
  profiles: [
    { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
    { id: 'ops', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Ops' },
    { id: 'elsewhere', provider: 'other', roleArn: 'arn:aws:iam::123456789012:role/X' },
  ],
};

const tokens: SignInResult = { idToken: 'id-token', refreshToken: 'refresh', idTokenExpiresAt: 2_000_000, subject: 'user-1', claims: { iss: 'i', sub: 'user-1', aud: 'abc', iat: 1, exp: 2 } };

function credentialsFor(request: PreparedCredentialsRequest): ProfileCredentials {
  if ('kind' in request) throw new Error('these profiles are all STS profiles');
  const { profile, input } = request;
  return {
    accessKeyId: `AKIA-${profile.id}`,
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: 5_000_000,
    assumedRoleArn: `arn:aws:sts::123456789012:assumed-role/${profile.roleName}/${input.RoleSessionName}`,
    region: profile.region,
    sessionName: input.RoleSessionName,
    issuedAt: 1_000_000,
  };
}

function setup(overrides: Partial<SignInServiceDeps> = {}) {
  const store = memorySessionStore();
  const signIn = jest.fn(async () => tokens);
  const assumeRole = jest.fn(async (request: PreparedCredentialsRequest) => credentialsFor(request));
  const service = createSignInService({
    readConfiguration: async () => validateConfiguration(undefined, document),
    store,
    signIn,
    assumeRole,
    deriveSessionName: async (subject) => `wic-${subject}`,
    now: () => 1_000_000,
    ...overrides,
  });
  return { service, store, signIn, assumeRole };
}

describe('sign-in service', () => {
  it('signs in once and stores tokens and credentials for every profile of the provider only', async () => {
    const { service, store, signIn, assumeRole } = setup();
    await expect(service.signIn('corp')).resolves.toEqual({ profiles: 2, failed: 0 });
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(assumeRole.mock.calls.map(([request]) => [request.profile.id, ('input' in request ? request.input.WebIdentityToken : ''), ('input' in request ? request.input.RoleSessionName : '')])).toEqual([
      ['dev', 'id-token', 'wic-user-1'],
      ['ops', 'id-token', 'wic-user-1'],
    ]);
    expect(store.items.get('provider-session/corp')).toEqual({ issuer: 'https://idp.example.com', clientId: 'abc', idToken: 'id-token', refreshToken: 'refresh', idTokenExpiresAt: 2_000_000, subject: 'user-1', signedInAt: 1_000_000 });
    expect(store.items.get('credentials/dev')).toMatchObject({ accessKeyId: 'AKIA-dev', assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Dev/wic-user-1' });
    expect(store.items.get('credentials/ops')).toMatchObject({ accessKeyId: 'AKIA-ops' });
    expect(store.items.has('credentials/elsewhere')).toBe(false);
    expect(store.items.get('profile-status/dev')).toEqual({ state: 'idle', updatedAt: 1_000_000 });
  });

  it('shares one flow between concurrent sign-ins to the same provider', async () => {
    const { service, signIn } = setup();
    const [first, second] = await Promise.all([service.signIn('corp'), service.signIn('corp')]);
    expect(first).toBe(second);
    expect(signIn).toHaveBeenCalledTimes(1);
    await service.signIn('corp');
    expect(signIn).toHaveBeenCalledTimes(2);
  });

  it('records a failed sign-in on the provider and keeps earlier credentials', async () => {
    const failure = new ExtensionError(ErrorCodes.loginCancelled, 'Sign-in to corp was cancelled: the login window was closed.', { hint: 'Click Sign in to try again.' });
    const { service, store, assumeRole } = setup({ signIn: async () => Promise.reject(failure) });
    await store.set({ 'credentials/dev': { accessKeyId: 'OLD' } });
    expect((await rejection(service.signIn('corp'))).code).toBe(ErrorCodes.loginCancelled);
    expect(store.items.get('provider-status/corp')).toEqual({ state: 'error', error: failure.toJSON(), updatedAt: 1_000_000 });
    expect(store.items.get('credentials/dev')).toEqual({ accessKeyId: 'OLD' });
    expect(assumeRole).not.toHaveBeenCalled();
  });

  it('keeps the other profiles working when STS refuses one', async () => {
    const denied = new ExtensionError(ErrorCodes.stsAccessDenied, 'Not allowed to assume role Ops', { hint: 'Fix the trust policy.' });
    const { service, store } = setup({
      assumeRole: async (request) => (request.profile.id === 'ops' ? Promise.reject(denied) : credentialsFor(request)),
    });
    await expect(service.signIn('corp')).resolves.toEqual({ profiles: 2, failed: 1 });
    expect(store.items.get('credentials/dev')).toMatchObject({ accessKeyId: 'AKIA-dev' });
    expect(store.items.has('credentials/ops')).toBe(false);
    expect(store.items.get('profile-status/ops')).toEqual({ state: 'error', error: denied.toJSON(), updatedAt: 1_000_000 });
  });

  it('turns unexpected failures into a safe message without their details', async () => {
    const { service, store } = setup({ assumeRole: async () => Promise.reject(new Error('secret-bearing internal detail')) });
    await service.signIn('corp');
    expect(JSON.stringify(store.items.get('profile-status/dev'))).not.toContain('secret-bearing');
    expect(store.items.get('profile-status/dev')).toMatchObject({ state: 'error', error: { code: ErrorCodes.internal } });
  });

  it('refuses an unknown or invalid provider, naming it', async () => {
    const { service } = setup();
    const error = await rejection(service.signIn('missing'));
    expect(error.message).toBe('No usable provider has id "missing".');
  });

  it('signs out of one provider, leaving the others', async () => {
    const { service, store } = setup();
    await service.signIn('corp');
    await service.signIn('other');
    await service.signOut('corp');
    expect([...store.items.keys()].sort()).toEqual([
      'credentials/elsewhere',
      'diagnostics/profile/elsewhere',
      'diagnostics/provider/other',
      'profile-status/elsewhere',
      'provider-session/other',
      'provider-status/other',
    ]);
  });

  it('signs out of everything', async () => {
    const { service, store } = setup();
    await service.signIn('corp');
    await service.signOut();
    expect(store.items.size).toBe(0);
  });
});
