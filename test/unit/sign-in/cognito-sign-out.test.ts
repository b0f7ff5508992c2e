/**
 * Signing out of a provider forgets the identity ids its pools gave, with its tokens and
 * credentials; other providers' stay.
 */
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { deriveSessionName } from '../../../src/sts/session-name';
import { memorySessionStore } from '../support/memory-session-store';
import { sampleCredentials } from '../support/fixtures';

const pool = 'us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

it('forgets the signed-out provider\'s identity ids', async () => {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }, { id: 'lab', issuer: 'https://lab.example.com', clientId: 'xyz' }],
    profiles: [{ id: 'pool', provider: 'corp', identityPoolId: pool }, { id: 'lab-pool', provider: 'lab', identityPoolId: pool }],
  });
  const store = memorySessionStore();
  const service = createSignInService({
    readConfiguration: async () => config,
    store,
    signIn: async () => ({ idToken: 'id', idTokenExpiresAt: 2_000_000, subject: 'alice', claims: { iss: 'https://idp.example.com', sub: 'alice', aud: 'abc', iat: 1, exp: 2 } }),
    assumeRole: async () => sampleCredentials(5_000_000),
    deriveSessionName,
    now: () => 1_000_000,
  });
  await service.signIn('corp');
  const alice = await deriveSessionName('alice');
  await store.set({ [`cognito-identity/${pool}/corp/${alice}`]: 'us-east-1:alice', [`cognito-identity/${pool}/other-person`]: 'us-east-1:other' });
  await service.signOut('corp');
  expect(store.items.has(`cognito-identity/${pool}/corp/${alice}`)).toBe(false);
  expect(store.items.get(`cognito-identity/${pool}/other-person`)).toBe('us-east-1:other');
  expect(store.items.has('credentials/pool')).toBe(false);
});
