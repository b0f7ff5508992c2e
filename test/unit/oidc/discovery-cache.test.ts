/**
 * Renewals reuse the issuer's discovery document, and with it the keys oauth4webapi fetched: a
 * second refresh sends only the token request, as the bare requests in `npm run bench` do.
 */
import type * as oauth from 'oauth4webapi';
import type { Provider } from '../../../src/config/types';
import { createDiscoveryCache, discoveryMaxAgeMs } from '../../../src/oidc/discovery-cache';
import { refreshIdToken } from '../../../src/oidc/refresh-id-token';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import { rejection } from '../support/rejection';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid offline_access', source: 'local' };
const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
const paths = (requests: { url: string }[]) => requests.map((request) => new URL(request.url).pathname);

describe('createDiscoveryCache', () => {
  const document = { issuer } as oauth.AuthorizationServer;

  it('fetches once for callers at the same time and for later ones within the maximum age', async () => {
    let clock = 0;
    const cache = createDiscoveryCache(() => clock);
    const discover = jest.fn(async () => document);
    await Promise.all([cache.get(issuer, discover), cache.get(issuer, discover)]);
    clock = discoveryMaxAgeMs - 1;
    await expect(cache.get(issuer, discover)).resolves.toBe(document);
    expect(discover).toHaveBeenCalledTimes(1);
    clock = discoveryMaxAgeMs;
    await cache.get(issuer, discover);
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed discovery, nor one that was forgotten', async () => {
    const cache = createDiscoveryCache(() => 0);
    await expect(cache.get(issuer, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const discover = jest.fn(async () => document);
    await cache.get(issuer, discover);
    cache.forget(issuer);
    await cache.get(issuer, discover);
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('keeps issuers apart', async () => {
    const cache = createDiscoveryCache(() => 0);
    const other = { issuer: 'https://other.example.com' } as oauth.AuthorizationServer;
    await cache.get(issuer, async () => document);
    await expect(cache.get(other.issuer, async () => other)).resolves.toBe(other);
  });
});

describe('renewals with a discovery cache', () => {
  it('ask for discovery and keys on the first refresh only', async () => {
    const idp = fakeIdp({ refreshToken: 'refresh-next' });
    const discovery = createDiscoveryCache(Date.now);
    await refreshIdToken(provider, 'refresh-1', { fetch: idp.fetch, discovery });
    expect(paths(idp.requests)).toEqual(['/.well-known/openid-configuration', '/token', '/jwks']);
    idp.requests.length = 0;
    await refreshIdToken(provider, 'refresh-next', { fetch: idp.fetch, discovery });
    expect(paths(idp.requests)).toEqual(['/token']);
  });

  it('ask the issuer again after a renewal that relied on the cached document failed', async () => {
    const healthy = fakeIdp();
    const discovery = createDiscoveryCache(Date.now);
    await refreshIdToken(provider, 'refresh-1', { fetch: healthy.fetch, discovery });
    const refusing = fakeIdp({ tokenResponse: { status: 400, body: { error: 'invalid_grant' } } });
    await rejection(refreshIdToken(provider, 'refresh-1', { fetch: refusing.fetch, discovery }));
    expect(paths(refusing.requests)).toEqual(['/token']);
    await refreshIdToken(provider, 'refresh-1', { fetch: healthy.fetch, discovery });
    expect(healthy.requests.filter((request) => request.url === discoveryUrl)).toHaveLength(2);
  });

  it('share the document between the refresh token grant and a silent sign-in', async () => {
    const idp = fakeIdp();
    const discovery = createDiscoveryCache(Date.now);
    await refreshIdToken(provider, 'refresh-1', { fetch: idp.fetch, discovery });
    await signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri, discovery }, false);
    expect(idp.requests.filter((request) => request.url === discoveryUrl)).toHaveLength(1);
  });

  it('leave an interactive sign-in without a cache to ask the issuer every time', async () => {
    const idp = fakeIdp();
    await signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri });
    await signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri });
    expect(idp.requests.filter((request) => request.url === discoveryUrl)).toHaveLength(2);
  });
});
