/**
 * Proves the harness itself: the sandbox IdP, moto, Chromium with an extension of our id, managed
 * policy, the clipboard grant, and a real launchWebAuthFlow against the IdP (interactive, then
 * silent). It loads the harness's stub extension so it does not depend on the state of src/.
 */
import {
  EXTENSION_ID,
  REDIRECT_URI,
  SANDBOX_ROLE_ARN,
  assumeRoleWithWebIdentity,
  callerIdentityArn,
  startEnvironment,
} from './support/harness';
import type { Environment } from './support/harness';
import { pkcePair, sandboxAuthorizationUrl } from './support/sandbox-authorization-url';

jest.setTimeout(120_000);

interface IdentityApi {
  identity: {
    getRedirectURL(): string;
    launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  };
  runtime: { id: string };
}

const managedProvider = { id: 'corp', name: 'Corporate IdP', issuer: 'https://idp.example.test' };
const rolesClaim = { 'https://aws.amazon.com/roles': [SANDBOX_ROLE_ARN] };

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment({
    stubExtension: true,
    managedPolicy: { providers: [managedProvider] },
    extraClaims: rolesClaim,
    idp: { ttl: { IdToken: 600 } },
  });
});

afterAll(async () => {
  await env?.close();
});

test('the IdP answers discovery with its issuer', async () => {
  const response = await fetch(`${env.idp.issuer}/.well-known/openid-configuration`);
  const discovery = await response.json() as { issuer: string; code_challenge_methods_supported: string[] };

  expect(discovery.issuer).toBe(env.idp.issuer);
  expect(discovery.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(discovery.code_challenge_methods_supported).toContain('S256');
});

test('the extension service worker runs with the expected id', async () => {
  expect(env.worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);
  const id = await env.worker.evaluate(() => (globalThis as unknown as { chrome: IdentityApi }).chrome.runtime.id);
  expect(id).toBe(EXTENSION_ID);
});

test('managed policy reaches storage.managed and local config round-trips', async () => {
  expect(await env.readStorage('managed')).toEqual({ providers: [managedProvider] });

  const config = env.sandboxConfig();
  await env.setLocalConfig(config);

  // With the user's confirmation of the sandbox's loopback STS, as the options page records it.
  expect(await env.readStorage('local')).toEqual({ config, 'trusted-endpoints': [new URL(env.sts?.endpoint ?? '').origin] });
});

test('moto takes an unsigned AssumeRoleWithWebIdentity and knows the assumed role', async () => {
  const endpoint = env.sts?.endpoint ?? '';
  const credentials = await assumeRoleWithWebIdentity(endpoint, {
    roleArn: SANDBOX_ROLE_ARN,
    webIdentityToken: 'not-a-real-token',
    roleSessionName: 'harness-smoke',
  });

  expect(await callerIdentityArn(credentials, endpoint)).toBe('arn:aws:sts::123456789012:assumed-role/Developer/harness-smoke');
});

test('a page of the extension can read what was copied', async () => {
  const page = await env.openPopup();
  await page.evaluate(() => navigator.clipboard.writeText('copied by the extension'));
  await page.close();

  expect(await env.readClipboard()).toBe('copied by the extension');
});

describe('launchWebAuthFlow against the sandbox IdP', () => {
  const { verifier, challenge } = pkcePair();
  const authorizationUrl = (extra: Record<string, string>) => sandboxAuthorizationUrl(env.idp, REDIRECT_URI, challenge, extra);
  const launch = async (url: string, interactive: boolean) => (await env.getWorker()).evaluate(
    async ({ url, interactive }) => {
      const { chrome } = globalThis as unknown as { chrome: IdentityApi };
      return chrome.identity.launchWebAuthFlow({ url, interactive });
    },
    { url, interactive },
  );
  const redeem = async (redirect: string | undefined) => {
    const code = new URL(redirect ?? 'about:blank').searchParams.get('code') ?? '';
    const response = await fetch(`${env.idp.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: env.idp.clientId, redirect_uri: REDIRECT_URI }),
    });
    return await response.json() as { id_token?: string; refresh_token?: string; error?: string };
  };
  const refresh = async (refreshToken: string | undefined) => {
    const response = await fetch(`${env.idp.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken ?? '', client_id: env.idp.clientId }),
    });
    return await response.json() as { id_token?: string; refresh_token?: string; error?: string };
  };
  let refreshToken: string | undefined;

  test('an interactive flow shows the login form and ends at the redirect URI with a code', async () => {
    const redirectUri = await env.worker.evaluate(() => (globalThis as unknown as { chrome: IdentityApi }).chrome.identity.getRedirectURL());
    expect(redirectUri).toBe(REDIRECT_URI);

    const authWindow = env.waitForAuthWindow();
    const flow = launch(authorizationUrl({ state: 'interactive' }), true);
    await env.loginOnIdp(await authWindow, 'alice');
    const redirect = await flow;

    expect(redirect).toMatch(new RegExp(`^${REDIRECT_URI}\\?code=[^&]+&state=interactive&iss=`));
    const tokens = await redeem(redirect);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const claims = JSON.parse(Buffer.from(tokens.id_token?.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: env.idp.issuer, aud: env.idp.clientId, sub: 'alice', email: 'alice@example.test', ...rolesClaim });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
  });

  test('a later prompt=none flow completes silently, with a refresh token', async () => {
    const redirect = await launch(authorizationUrl({ state: 'silent', prompt: 'none' }), false);

    expect(redirect).toMatch(new RegExp(`^${REDIRECT_URI}\\?code=[^&]+&state=silent&iss=`));
    refreshToken = (await redeem(redirect)).refresh_token;
    expect(refreshToken).toEqual(expect.any(String));
  });

  test('refresh tokens rotate, and stop working after revokeGrants', async () => {
    const refreshed = await refresh(refreshToken);
    expect(refreshed.id_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(refreshToken);

    await env.idp.revokeGrants();

    expect((await refresh(refreshed.refresh_token)).error).toBe('invalid_grant');
  });

  test('the worker can be stopped and starts again', async () => {
    await env.worker.evaluate(() => Object.assign(globalThis, { harnessMarker: 1 }));
    await env.stopServiceWorker();
    const worker = await env.getWorker();

    expect(await worker.evaluate(() => 'harnessMarker' in globalThis)).toBe(false);
  });

  test('after revokeSessions, prompt=none ends with error=login_required', async () => {
    await env.idp.revokeSessions();

    const redirect = await launch(authorizationUrl({ state: 'revoked', prompt: 'none' }), false);

    expect(new URL(redirect ?? 'about:blank').searchParams.get('error')).toBe('login_required');
  });
});
