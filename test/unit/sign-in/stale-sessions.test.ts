import type { Provider } from '../../../src/config/types';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import type { SignInResult } from '../../../src/oidc/types';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import type { PreparedCredentialsRequest } from '../../../src/cognito/credentials-request';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { memorySessionStore } from '../support/memory-session-store';

const honest = { id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' };
const profiles = [
  { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
  { id: 'other-dev', provider: 'other', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
];
const other = { id: 'other', issuer: 'https://other.example.com', clientId: 'o' };
const tokens: SignInResult = { idToken: 'id-token', refreshToken: 'honest-refresh', idTokenExpiresAt: 2_000_000, subject: 'u', claims: { iss: 'https://idp.example.com', aud: 'abc', sub: 'u', iat: 1, exp: 2 } };

const credentials = ({ profile }: PreparedCredentialsRequest): ProfileCredentials => ({
  accessKeyId: `AKIA${profile.id}`, secretAccessKey: 's', sessionToken: 't', expiration: 5_000_000, assumedRoleArn: 'arn', region: 'us-east-1', sessionName: 'n', issuedAt: 1,
});

function setup() {
  let document: unknown = { providers: [honest, other], profiles };
  const store = memorySessionStore();
  const revoked: [Provider, string][] = [];
  const service = createSignInService({
    readConfiguration: async () => validateConfiguration(undefined, document),
    store,
    signIn: async () => tokens,
    assumeRole: async (request) => credentials(request),
    deriveSessionName: async () => 'n',
    now: () => 1_000_000,
    revokeRefreshToken: async (provider, token) => revoked.push([provider, token]),
  });
  return { service, store, revoked, change: (next: unknown) => (document = next) };
}

describe('sessions bound to the issuer and client that issued them', () => {
  it('stores the issuer and client id with the tokens', async () => {
    const { service, store } = setup();
    await service.signIn('corp');
    expect(await store.get('provider-session/corp')).toMatchObject({ issuer: honest.issuer, clientId: honest.clientId, refreshToken: 'honest-refresh' });
  });

  it('ends a session whose provider now names another issuer: forgets everything and revokes only at the old issuer', async () => {
    const { service, store, revoked, change } = setup();
    await service.signIn('corp');
    await service.signIn('other');
    change({ providers: [{ ...honest, issuer: 'https://evil.example' }, other], profiles });
    await expect(service.endStaleSessions(Object.fromEntries(store.items))).resolves.toEqual(['corp']);
    expect(Object.keys(Object.fromEntries(store.items)).filter((key) => key.endsWith('/corp') || key.endsWith('/dev'))).toEqual([]);
    expect(await store.get('credentials/other-dev')).toBeDefined();
    expect(revoked.map(([provider, token]) => [provider.issuer, provider.clientId, token])).toEqual([[honest.issuer, honest.clientId, 'honest-refresh']]);
  });

  it('ends a session whose client id changed', async () => {
    const { service, store, revoked, change } = setup();
    await service.signIn('corp');
    change({ providers: [{ ...honest, clientId: 'other-client' }, other], profiles });
    await expect(service.endStaleSessions(Object.fromEntries(store.items))).resolves.toEqual(['corp']);
    expect(revoked.map(([provider]) => provider.clientId)).toEqual(['abc']);
  });

  it('ends the session of a removed provider, its profiles\' credentials included, and revokes its refresh token', async () => {
    const { service, store, revoked, change } = setup();
    await service.signIn('corp');
    change({ providers: [other], profiles: profiles.filter((profile) => profile.provider === 'other') });
    await expect(service.endStaleSessions(Object.fromEntries(store.items))).resolves.toEqual(['corp']);
    expect(Object.keys(Object.fromEntries(store.items))).toEqual([]);
    expect(revoked.map(([provider, token]) => [provider.id, provider.issuer, token])).toEqual([['corp', honest.issuer, 'honest-refresh']]);
  });

  it('leaves sessions alone while their provider is unchanged', async () => {
    const { service, store, revoked, change } = setup();
    await service.signIn('corp');
    change({ providers: [{ ...honest, name: 'Renamed' }, other], profiles });
    await expect(service.endStaleSessions(Object.fromEntries(store.items))).resolves.toEqual([]);
    expect(await store.get('provider-session/corp')).toBeDefined();
    expect(revoked).toEqual([]);
  });

  it('forgets the credentials of a deleted profile while its provider stays signed in', async () => {
    const { service, store, revoked, change } = setup();
    await service.signIn('corp');
    await store.set({ 'profile-status/dev': { state: 'idle', updatedAt: 1 } });
    change({ providers: [honest, other], profiles: profiles.filter((profile) => profile.id !== 'dev') });
    await expect(service.endStaleSessions(Object.fromEntries(store.items))).resolves.toEqual([]);
    expect(await store.get('credentials/dev')).toBeUndefined();
    expect(await store.get('profile-status/dev')).toBeUndefined();
    expect(await store.get('provider-session/corp')).toBeDefined();
    expect(revoked).toEqual([]);
  });

  it('signs out at the issuer that issued the token even when the provider changed meanwhile', async () => {
    const { service, revoked, change } = setup();
    await service.signIn('corp');
    change({ providers: [{ ...honest, issuer: 'https://evil.example' }, other], profiles });
    await service.signOut('corp');
    expect(revoked.map(([provider]) => provider.issuer)).toEqual([honest.issuer]);
  });
});
