/**
 * What Firefox's identity API does with the sandbox IdP, as sign-in and refresh rely on it: the
 * redirect URI, an interactive flow, a silent flow (`prompt=none`) that completes through HTTP
 * redirects only, and a refresh token grant from the extension's origin. Runs in the extension's
 * control page with the real Firefox build installed.
 */
import { FIREFOX_REDIRECT_URI, startFirefoxEnvironment } from './support/firefox-harness';
import type { FirefoxEnvironment } from './support/firefox-harness';
import { pkcePair, sandboxAuthorizationUrl } from './support/sandbox-authorization-url';

jest.setTimeout(120_000);

interface IdentityApi {
  identity: {
    getRedirectURL(): string;
    launchWebAuthFlow(details: Record<string, unknown>): Promise<string>;
  };
}

let env: FirefoxEnvironment;
beforeAll(async () => {
  env = await startFirefoxEnvironment();
});
afterAll(async () => env?.close());

const { verifier, challenge } = pkcePair();
const authorizationUrl = (extra: Record<string, string>) => sandboxAuthorizationUrl(env.idp, FIREFOX_REDIRECT_URI, challenge, extra);
/** Runs launchWebAuthFlow in the extension; resolves with the redirect, or "error: <message>". */
const launch = (details: Record<string, unknown>) => env.evaluateInExtension(async (flow) => {
  try {
    return await (globalThis as unknown as { browser: IdentityApi }).browser.identity.launchWebAuthFlow(flow);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}, details);
/** Redeems a code or a refresh token at the token endpoint with fetch from the extension's page. */
const tokenRequest = (body: Record<string, string>) => env.evaluateInExtension(async ({ endpoint, form }) => {
  const response = await fetch(endpoint, { method: 'POST', body: new URLSearchParams(form) });
  return await response.json() as { id_token?: string; refresh_token?: string; error?: string };
}, { endpoint: `${env.idp.issuer}/token`, form: { client_id: env.idp.clientId, ...body } });
const codeOf = (redirect: string) => new URL(redirect).searchParams.get('code') ?? '';

test('the redirect URI is https://<SHA-1 of the add-on id>.extensions.allizom.org/', async () => {
  const redirectUri = await env.evaluateInExtension(() => (globalThis as unknown as { browser: IdentityApi }).browser.identity.getRedirectURL(), undefined);
  expect(redirectUri).toBe(FIREFOX_REDIRECT_URI);
  expect(redirectUri).toBe('https://cce1f5bde986fd3abd8a32be705d07531fa980b5.extensions.allizom.org/');
});

test('a silent flow that would need a login page fails at once with "Requires user interaction"', async () => {
  await expect(launch({ url: authorizationUrl({ state: 'no-session' }), interactive: false })).resolves.toBe('error: Requires user interaction');
});

test('Chromium-only options are refused, which is why the identity adapter leaves them out', async () => {
  const answer = await launch({ url: authorizationUrl({ state: 'options' }), interactive: false, abortOnLoadForNonInteractive: false });
  expect(answer).toMatch(/^error: Type error for parameter details \(Unexpected property "abortOnLoadForNonInteractive"\)/);
});

let refreshToken = '';

test('an interactive flow shows the login form and ends at the redirect URI with a code', async () => {
  const authWindow = env.waitForAuthWindow();
  const flow = launch({ url: authorizationUrl({ state: 'interactive' }), interactive: true });
  await env.loginOnIdp(await authWindow, 'carol');
  const redirect = await flow;
  expect(redirect).toMatch(new RegExp(`^${FIREFOX_REDIRECT_URI}\\?code=[^&]+&state=interactive&iss=`));
  const tokens = await tokenRequest({ grant_type: 'authorization_code', code: codeOf(redirect), code_verifier: verifier, redirect_uri: FIREFOX_REDIRECT_URI });
  expect(tokens.id_token).toEqual(expect.any(String));
});

test('with the IdP session alive, prompt=none completes silently through HTTP redirects, with a refresh token', async () => {
  const redirect = await launch({ url: authorizationUrl({ state: 'silent', prompt: 'none' }), interactive: false });
  expect(redirect).toMatch(new RegExp(`^${FIREFOX_REDIRECT_URI}\\?code=[^&]+&state=silent&iss=`));
  const tokens = await tokenRequest({ grant_type: 'authorization_code', code: codeOf(redirect), code_verifier: verifier, redirect_uri: FIREFOX_REDIRECT_URI });
  refreshToken = tokens.refresh_token ?? '';
  expect(refreshToken).not.toBe('');
});

test('after the IdP session ends, prompt=none comes back with error=login_required, and the refresh token still works', async () => {
  await env.idp.revokeSessions();
  const redirect = await launch({ url: authorizationUrl({ state: 'revoked', prompt: 'none' }), interactive: false });
  expect(new URL(redirect).searchParams.get('error')).toBe('login_required');

  const refreshed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  expect(refreshed.id_token).toEqual(expect.any(String));
  expect(refreshed.refresh_token).not.toBe(refreshToken);
});
