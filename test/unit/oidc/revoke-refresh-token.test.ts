import type { Provider } from '../../../src/config/types';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { revokeRefreshToken } from '../../../src/oidc/revoke-refresh-token';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { clientId, fakeIdp, issuer } from '../support/fake-idp';
import { sampleCredentials } from '../support/fixtures';
import { memorySessionStore } from '../support/memory-session-store';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid', source: 'local' };

describe('revokeRefreshToken', () => {
  it('asks the revocation endpoint of the discovery document to revoke the refresh token', async () => {
    const idp = fakeIdp();
    await expect(revokeRefreshToken(provider, 'refresh-1', { fetch: idp.fetch })).resolves.toBe(true);
    const request = idp.requests.find((entry) => entry.url === `${issuer}/revoke`);
    expect(Object.fromEntries(request?.body ?? [])).toEqual({ token: 'refresh-1', token_type_hint: 'refresh_token', client_id: clientId });
  });

  it('gives up quietly when the IdP has no revocation endpoint or is down', async () => {
    await expect(revokeRefreshToken(provider, 'refresh-1', { fetch: fakeIdp({ discovery: { revocation_endpoint: undefined } }).fetch })).resolves.toBe(false);
    await expect(revokeRefreshToken(provider, 'refresh-1', { fetch: fakeIdp({ down: true }).fetch })).resolves.toBe(false);
  });
});

describe('sign-out', () => {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', issuer, clientId }, { id: 'lab', issuer: 'https://lab.example.com', clientId: 'x' }],
    profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' }],
  });

  function setup(revoke: (provider: Provider, token: string) => Promise<unknown>) {
    const store = memorySessionStore();
    const calls: string[] = [];
    const service = createSignInService({
      readConfiguration: async () => config,
      store,
      signIn: async () => Promise.reject(new Error('unused')),
      assumeRole: async () => sampleCredentials(0),
      deriveSessionName: async (subject) => subject,
      now: Date.now,
      revokeRefreshToken: async (target, token) => {
        // The local sign-out is done before the IdP is asked.
        calls.push(`${target.id}:${token}:${store.items.has(`provider-session/${target.id}`) ? 'still stored' : 'forgotten'}`);
        return revoke(target, token);
      },
    });
    return { service, store, calls };
  }

  it('revokes the refresh token at the IdP after forgetting it locally', async () => {
    const { service, store, calls } = setup(async () => true);
    await store.set({ 'provider-session/corp': { issuer, clientId, idToken: 'i', refreshToken: 'r-corp' }, 'provider-session/lab': { issuer: 'https://lab.example.com', clientId: 'x', idToken: 'i', refreshToken: 'r-lab' }, 'credentials/dev': sampleCredentials(1) });
    await service.signOut('corp');
    expect(calls).toEqual(['corp:r-corp:forgotten']);
    expect([...store.items.keys()]).toEqual(['provider-session/lab']);
    await service.signOut();
    expect(calls).toEqual(['corp:r-corp:forgotten', 'lab:r-lab:forgotten']);
    expect(store.items.size).toBe(0);
  });

  it('signs out even when the IdP cannot revoke', async () => {
    const { service, store } = setup(async () => Promise.reject(new Error('IdP down')));
    await store.set({ 'provider-session/corp': { idToken: 'i', refreshToken: 'r' } });
    await expect(service.signOut('corp')).resolves.toBeUndefined();
    expect(store.items.size).toBe(0);
  });
});
