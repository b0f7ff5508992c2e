/**
 * A sign-in refused for an attack stores nothing: no tokens, no credentials, no STS call; only
 * the provider's error, and for a rejected ID token its unverified claims for the diagnostics.
 * The real OIDC client runs against the fake IdP; earlier credentials survive.
 */
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { ErrorCodes } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { sampleCredentials } from '../support/fixtures';
import { memorySessionStore } from '../support/memory-session-store';

const config = validateConfiguration(undefined, {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer, clientId }],
  profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' }],
});
const now = Math.floor(Date.now() / 1000);

it.each<[string, FakeIdpOptions, string, boolean]>([
  ['a forged state', { redirect: (url) => (url.searchParams.set('state', 'forged'), url.href) }, ErrorCodes.stateMismatch, false],
  ['an iss of another issuer', { redirect: (url) => (url.searchParams.set('iss', 'https://evil.example.com'), url.href) }, ErrorCodes.stateMismatch, false],
  ['a redirect elsewhere', { redirect: (url) => url.href.replace('chromiumapp.org/', 'chromiumapp.org/x') }, ErrorCodes.redirectMismatch, false],
  ['no code', { redirect: (url) => (url.searchParams.delete('code'), url.href) }, ErrorCodes.authorizationRejected, false],
  ['an unsigned ID token', { idTokenHeader: { alg: 'none' } }, ErrorCodes.idTokenInvalid, true],
  ['a forged ID token signature', { forgedSignature: true }, ErrorCodes.idTokenInvalid, true],
  ['an ID token for another audience', { claims: (nonce) => ({ iss: issuer, aud: 'other', sub: 'u', iat: now, exp: now + 600, nonce }) }, ErrorCodes.idTokenInvalid, true],
])('stores nothing from %s', async (_name, options, code, keepsClaims) => {
  const idp = fakeIdp({ refreshToken: 'refresh-1', ...options });
  const store = memorySessionStore();
  const earlier = sampleCredentials(Date.now() + 600_000);
  await store.set({ 'credentials/dev': earlier });
  const assumeRole = jest.fn(async () => sampleCredentials(0));
  const service = createSignInService({
    readConfiguration: async () => config,
    store,
    signIn: (provider) => signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }),
    assumeRole,
    deriveSessionName: async (subject) => subject,
    now: Date.now,
  });
  await expect(service.signIn('corp')).rejects.toMatchObject({ code });
  expect(assumeRole).not.toHaveBeenCalled();
  expect([...store.items.keys()].sort()).toEqual(['credentials/dev', ...(keepsClaims ? ['diagnostics/provider/corp'] : []), 'provider-status/corp']);
  expect(store.items.get('credentials/dev')).toEqual(earlier);
  expect(store.items.get('provider-status/corp')).toMatchObject({ state: 'error', error: { code } });
  if (keepsClaims) expect(store.items.get('diagnostics/provider/corp')).toMatchObject({ verified: false });
});
