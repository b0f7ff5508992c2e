/**
 * Configuration turned against the user (issue 13), in real Chromium with a hostile capture
 * server on loopback that logs every request: no token, code, refresh token or credential reaches
 * a host that neither the organization's policy nor the user's explicit confirmation named.
 */
import { generateKeyPairSync, createSign } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startCaptureServer } from './support/capture-server';
import type { CaptureServer } from './support/capture-server';
import { eventually } from './support/eventually';
import { REDIRECT_URI, startEnvironment } from './support/harness';
import { startNetworkGate } from './support/network-gate';
import type { NetworkGate } from './support/network-gate';
import type { Environment, SandboxConfig } from './support/harness';

jest.setTimeout(240_000);

const roleArn = 'arn:aws:iam::123456789012:role/Developer';

/** Sends an action to the background from an extension page, as the popup's buttons do. */
async function ask(page: Page, action: string, payload: Record<string, unknown> = {}): Promise<unknown> {
  return page.evaluate(async ([name, body]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ action: name, payload: body }), [action, payload] as const);
}

async function signInSandbox(env: Environment, popup: Page): Promise<void> {
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, 'alice');
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 30_000 });
}

async function redeem(env: Environment, refreshToken: string): Promise<{ error?: string }> {
  const answer = await fetch(`${env.idp.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: env.idp.clientId }),
  });
  return (await answer.json()) as { error?: string };
}

describe('tokens go only where the organization or the user sent them', () => {
  let env: Environment;
  let capture: CaptureServer;
  let sandbox: SandboxConfig;
  beforeAll(async () => {
    capture = await startCaptureServer();
    env = await startEnvironment({ localConfig: 'sandbox' });
    sandbox = env.sandboxConfig();
  });
  afterAll(async () => {
    await env?.close();
    await capture?.close();
  });

  it('asks before importing a profile whose STS endpoint is not AWS, and never calls it unconfirmed, through sign-in and renewals', async () => {
    const hostile = { ...sandbox, profiles: [...sandbox.profiles, { id: 'exfil', name: 'Team tools', provider: 'sandbox', roleArn, stsEndpoint: `${capture.url}/` }] };
    const options = await env.openOptions();
    await options.getByLabel('Configuration (JSON)').fill(JSON.stringify(hostile));
    await options.getByRole('button', { name: 'Import' }).click();
    const alert = options.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await alert.getByText(`profiles[1].stsEndpoint: sends your sign-in token to ${capture.origin}`).waitFor();
    await alert.getByRole('button', { name: `Trust ${capture.origin} and import` }).waitFor();
    expect((await env.readStorage('local')).config).toEqual(sandbox);
    await options.close();

    // Stored without the confirmation anyway (say, by an earlier version): out of service.
    await env.setLocalConfig(hostile, { confirmHosts: false });
    const popup = await env.openPopup();
    await popup.getByText(`sends your sign-in token to ${capture.origin}`).first().waitFor();
    await signInSandbox(env, popup);
    await ask(popup, 'refreshNow', {});
    await ask(popup, 'refreshNow', { profileIds: ['exfil'] });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(capture.requests).toEqual([]);
    expect((await env.readStorage('session'))['credentials/exfil']).toBeUndefined();
    await popup.close();
  });

  it('ends the session when a provider\'s issuer is swapped: the old refresh token never reaches the new issuer and is revoked at the old one', async () => {
    await env.setLocalConfig(sandbox);
    const popup = await env.openPopup();
    if (!(await env.readStorage('session'))['provider-session/sandbox']) await signInSandbox(env, popup);
    const { refreshToken, idToken } = (await env.readStorage('session'))['provider-session/sandbox'] as { refreshToken: string; idToken: string };
    expect(refreshToken.length).toBeGreaterThan(16);

    // The hostile issuer answers discovery properly, so that only the extension stands between
    // the old refresh token and its token and revocation endpoints.
    capture.route('/.well-known/openid-configuration', (_request, _url, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      issuer: capture.url, authorization_endpoint: `${capture.url}/authorize`, token_endpoint: `${capture.url}/token`, revocation_endpoint: `${capture.url}/revoke`,
      jwks_uri: `${capture.url}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'], code_challenge_methods_supported: ['S256'],
    })));
    // An import keeps the provider's id and points its issuer at the hostile server.
    await env.setLocalConfig({ ...sandbox, providers: [{ ...sandbox.providers[0], issuer: capture.url }] });
    await Promise.allSettled([ask(popup, 'refreshNow', {}), ask(popup, 'signOut', { providerId: 'sandbox' })]);
    await eventually('the swapped session to end', async () => ((await env.readStorage('session'))['provider-session/sandbox'] ? undefined : true));
    await eventually('the old refresh token revoked at the old issuer', async () => ((await redeem(env, refreshToken)).error === 'invalid_grant' ? true : undefined));
    const session = await env.readStorage('session');
    expect(Object.keys(session).filter((key) => /^(credentials|provider-session)\//.test(key))).toEqual([]);
    expect(capture.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(capture.everything()).not.toContain(refreshToken);
    expect(capture.everything()).not.toContain(idToken);
    await popup.close();
  });

  describe('an implicit-flow ID token the code flow would refuse', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let header: Record<string, unknown> = {};
    let extraClaims: Record<string, unknown> = {};
    const sign = (claims: Record<string, unknown>) => {
      const input = [{ alg: 'RS256', kid: 'k1', ...header }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    };

    beforeAll(async () => {
      // The capture server plays an IdP that signs what it likes with keys it publishes.
      const issuer = capture.url;
      capture.route('/.well-known/openid-configuration', (_request, _url, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code', 'id_token'], id_token_signing_alg_values_supported: ['RS256'], subject_types_supported: ['public'],
      })));
      capture.route('/jwks', (_request, _url, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] })));
      capture.route('/authorize', (_request, url, response) => {
        const now = Math.floor(Date.now() / 1000);
        const token = sign({ iss: issuer, aud: 'forger', sub: 'mallory', iat: now, exp: now + 3600, nonce: url.searchParams.get('nonce'), ...extraClaims });
        const fragment = new URLSearchParams({ id_token: token, state: url.searchParams.get('state') ?? '' });
        response.writeHead(302, { location: `${url.searchParams.get('redirect_uri')}#${fragment}` }).end();
      });
      // The user trusts this STS stand-in (confirmed), so only the token checks stand in the way.
      await env.setLocalConfig({
        providers: [{ id: 'forger', name: 'Forger', issuer, clientId: 'forger', flow: 'implicit' }],
        profiles: [{ id: 'forged', name: 'Forged', provider: 'forger', roleArn, stsEndpoint: `${issuer}/sts` }],
      });
    });

    it.each([
      ['nbf in the future', {}, { nbf: Math.floor(Date.now() / 1000) + 3600 }, 'it is not valid yet (nbf)'],
      ['a crit header', { crit: ['exp'] }, {}, 'its header marks extensions as critical'],
    ])('refuses %s, with zero STS calls', async (_case, nextHeader, claims, reason) => {
      header = nextHeader;
      extraClaims = claims;
      const popup = await env.openPopup();
      // The case before left its own error in place: only one written after this click counts.
      const clickedAt = Date.now();
      await popup.getByRole('region', { name: 'Forger' }).getByRole('button', { name: 'Sign in' }).click();
      const status = await eventually('the sign-in to fail', async () => {
        const value = (await env.readStorage('session'))['provider-status/forger'] as { state: string; updatedAt: number; error?: { message: string } } | undefined;
        return value?.state === 'error' && value.updatedAt >= clickedAt ? value : undefined;
      });
      expect(status.error?.message).toContain(reason);
      expect(capture.requests.filter((request) => request.path.startsWith('/sts'))).toEqual([]);
      expect((await env.readStorage('session'))['provider-session/forger']).toBeUndefined();
      await popup.close();
    });
  });
});

/**
 * A relay in front of the honest IdP that removes the RFC 9207 `iss` parameter from its redirects,
 * so the honest IdP behaves like one that never sends it: only the redirect URI tells them apart.
 */
function startIssStrippingProxy(): Promise<NetworkGate> {
  return startNetworkGate({
    rewriteHeaders: (headers) => {
      if (typeof headers.location !== 'string' || !/[?&#]iss=/.test(headers.location)) return headers;
      const location = new URL(headers.location);
      location.searchParams.delete('iss');
      return { ...headers, location: location.href };
    },
  });
}

describe('a hostile provider relaying to an honest IdP that sends no iss', () => {
  let env: Environment;
  let capture: CaptureServer;
  let proxy: NetworkGate;
  beforeAll(async () => {
    capture = await startCaptureServer();
    proxy = await startIssStrippingProxy();
    // The honest IdP knows only the honest provider's own redirect URI.
    env = await startEnvironment({ idp: { issuer: proxy.url, redirectUris: [`${REDIRECT_URI}honest`], exactRedirectUris: true } });
    proxy.forwardTo(env.idp.port);
    const hostile = capture.url;
    capture.route('/.well-known/openid-configuration', (_request, _url, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      issuer: hostile, authorization_endpoint: `${hostile}/authorize`, token_endpoint: `${hostile}/token`, jwks_uri: `${hostile}/jwks`,
      response_types_supported: ['code'], code_challenge_methods_supported: ['S256'], subject_types_supported: ['public'],
    })));
    // Relays the authorization request to the honest IdP, naming the redirect URI it accepts.
    capture.route('/authorize', (_request, url, response) => {
      const relayed = new URL(`${env.idp.issuer}/auth`);
      for (const [name, value] of url.searchParams) relayed.searchParams.set(name, name === 'redirect_uri' ? value.replace(/hostile$/, 'honest') : value);
      response.writeHead(302, { location: relayed.href }).end();
    });
    await env.setLocalConfig({
      providers: [
        { id: 'honest', name: 'Honest IdP', issuer: env.idp.issuer, clientId: env.idp.clientId, scopes: 'openid' },
        { id: 'hostile', name: 'Team SSO', issuer: hostile, clientId: env.idp.clientId, scopes: 'openid' },
      ],
      profiles: [{ id: 'dev', name: 'Developer', provider: 'honest', roleArn, stsEndpoint: env.sts?.endpoint ?? '' }],
    });
  });
  afterAll(async () => {
    await env?.close();
    await capture?.close();
    await proxy?.close();
  });

  it('never hands the honest IdP\'s code to the hostile provider\'s token endpoint', async () => {
    const popup = await env.openPopup();
    const authWindow = env.waitForAuthWindow();
    await popup.getByRole('region', { name: 'Team SSO' }).getByRole('button', { name: 'Sign in' }).click();
    await env.loginOnIdp(await authWindow, 'alice');
    const status = await eventually('the hostile sign-in to fail', async () => {
      const value = (await env.readStorage('session'))['provider-status/hostile'] as { state: string; error?: { code: string; message: string } } | undefined;
      return value?.state === 'error' ? value : undefined;
    });
    expect(status.error?.code).toBe('REDIRECT_MISMATCH');
    expect(status.error?.message).toContain(`redirected to ${REDIRECT_URI}honest instead of ${REDIRECT_URI}hostile`);
    expect(capture.requests.map((request) => `${request.method} ${new URL(request.path, capture.url).pathname}`)).toEqual(['GET /.well-known/openid-configuration', 'GET /authorize']);
    expect(capture.everything()).not.toMatch(/code=[^&\s]*[A-Za-z0-9]{10}/);
    expect((await env.readStorage('session'))['provider-session/hostile']).toBeUndefined();
    await popup.close();
  });
});
