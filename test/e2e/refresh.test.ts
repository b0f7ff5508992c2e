/**
 * Auto-refresh as a user meets it, in real Chromium against oidc-provider and moto: "Refresh now"
 * renews credentials without a login page through the refresh token and through prompt=none; the
 * schedule's alarm refreshes in a service worker that was stopped after scheduling; and once the
 * IdP has ended the session, the popup asks for sign-in while the old credentials stay.
 */
import type { Page } from 'playwright-core';
import { refreshAlarm } from '../../src/refresh/reconcile';
import type { ProfileCredentials as Credentials } from '../../src/sts/credentials';
import { eventually } from './support/eventually';
import { callerIdentityArn, startEnvironment } from './support/harness';
import type { Environment, SandboxConfig } from './support/harness';

jest.setTimeout(240_000);

interface ChromeApis {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getTitle(details: object): Promise<string>; getBadgeText(details: object): Promise<string> };
}

const session = async (env: Environment) => env.readStorage('session');
const credentials = async (env: Environment, profileId = 'dev') => (await session(env))[`credentials/${profileId}`] as Credentials | undefined;

async function signIn(env: Environment, popup: Page): Promise<void> {
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, 'alice');
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 30_000 });
}

/** Clicks "Refresh now" on the profile and returns its new credentials; fails if any IdP page shows. */
async function refreshNow(env: Environment, popup: Page, before: Credentials): Promise<Credentials> {
  const loginPage = env.waitForAuthWindow({ timeout: 8_000 }).then((page) => page.url(), () => undefined);
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('button', { name: 'Refresh now' }).click();
  const after = await eventually('new credentials', async () => {
    const current = await credentials(env);
    return current && current.accessKeyId !== before.accessKeyId ? current : undefined;
  });
  await expect(loginPage).resolves.toBeUndefined();
  return after;
}

async function proveWithSts(env: Environment, fresh: Credentials): Promise<void> {
  const { accessKeyId, secretAccessKey, sessionToken } = fresh;
  const arn = await callerIdentityArn({ accessKeyId, secretAccessKey, sessionToken }, env.sts?.endpoint ?? '');
  expect(arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/Developer\/wic-[0-9a-f]{32}$/);
}

describe('Refresh now', () => {
  let env: Environment;
  let config: SandboxConfig;
  beforeAll(async () => {
    env = await startEnvironment({ localConfig: 'sandbox' });
    config = env.sandboxConfig();
  });
  afterAll(async () => env?.close());

  it('renews through the refresh token: new credentials, no login page', async () => {
    const popup = await env.openPopup();
    await signIn(env, popup);
    const before = await credentials(env);
    const signedIn = (await session(env))['provider-session/sandbox'] as { refreshToken?: string };
    expect(signedIn.refreshToken).toBeDefined();

    const after = await refreshNow(env, popup, before as Credentials);
    const renewed = await session(env);
    expect(renewed['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'refresh-token' });
    // oidc-provider rotates refresh tokens: the new one is stored, the spent one is gone.
    expect((renewed['provider-session/sandbox'] as { refreshToken?: string }).refreshToken).not.toBe(signedIn.refreshToken);
    await popup.getByTestId('renewal-status').filter({ hasText: 'with the refresh token' }).waitFor();
    await proveWithSts(env, after);
    await popup.close();
  });

  it('renews through prompt=none when the provider has no refresh token: new credentials, no login page', async () => {
    await env.setLocalConfig({ ...config, providers: config.providers.map((provider) => ({ ...provider, scopes: 'openid' })) });
    await env.idp.revokeSessions();
    const popup = await env.openPopup();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
    await signIn(env, popup);
    expect((await session(env))['provider-session/sandbox']).not.toHaveProperty('refreshToken');

    const after = await refreshNow(env, popup, (await credentials(env)) as Credentials);
    expect((await session(env))['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'silent-sign-in' });
    await popup.getByTestId('renewal-status').filter({ hasText: 'by silent sign-in' }).waitFor();
    await proveWithSts(env, after);
    await popup.close();
  });

  it('asks for sign-in once the IdP ended the session, and keeps the old credentials until they expire', async () => {
    await env.setLocalConfig(config);
    const popup = await env.openPopup();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await env.idp.revokeSessions();
    await signIn(env, popup);
    const kept = (await credentials(env)) as Credentials;

    await env.idp.revokeSessions();
    await env.idp.revokeGrants();
    await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('button', { name: 'Refresh now' }).click();
    const section = popup.getByRole('region', { name: 'Sandbox IdP' });
    const alert = section.getByTestId('renewal-status').filter({ hasText: 'Sandbox IdP needs you to sign in again (login_required).' });
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain('Sign in to keep your credentials renewed; your current credentials stay valid until');
    await expect(popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').first().textContent()).resolves.toMatch(/^Valid, \d+ min left/);
    expect(await credentials(env)).toEqual(kept);
    await proveWithSts(env, kept);

    // The notification with its Sign in button, the red badge, the title, and the alarm that removes the credentials at their expiry.
    const worker = await env.getWorker();
    const state = await worker.evaluate(async (alarmName) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApis };
      return {
        notifications: Object.keys(await chrome.notifications.getAll()),
        alarm: await chrome.alarms.get(alarmName),
        badge: await chrome.action.getBadgeText({}),
        title: await chrome.action.getTitle({}),
      };
    }, refreshAlarm);
    expect(state.notifications).toEqual(['sign-in/sandbox']);
    expect(state.alarm?.scheduledTime).toBe(kept.expiration);
    expect(state.badge).toMatch(/^\d+m$/);
    expect(state.title).toContain('Sandbox IdP: session ended; sign in again');
    await popup.close();
  });
});

describe('the schedule', () => {
  let env: Environment;
  beforeAll(async () => {
    // ID tokens of 5 minutes: at the alarm the stored one is too short-lived to reuse, so the
    // stopped worker's successor renews it with the refresh token.
    env = await startEnvironment({ localConfig: 'sandbox', idp: { ttl: { IdToken: 300 } } });
  });
  afterAll(async () => env?.close());

  it('refreshes at its alarm in a service worker that was stopped after scheduling', async () => {
    // 15-minute credentials renewed 14 minutes early: the alarm comes one minute after sign-in.
    const config = env.sandboxConfig();
    await env.setLocalConfig({ ...config, profiles: config.profiles.map((profile) => ({ ...profile, durationSeconds: 900 })) });
    const options = await env.openOptions();
    await options.getByLabel(/minutes before they expire/).fill('14');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
    expect((await env.readStorage('local')).settings).toMatchObject({ refreshMarginMinutes: 14 });

    const popup = await env.openPopup();
    await signIn(env, popup);
    await popup.close();
    const first = (await credentials(env)) as Credentials;
    const alarm = await (await env.getWorker()).evaluate((name) => (globalThis as unknown as { chrome: ChromeApis }).chrome.alarms.get(name), refreshAlarm);
    // Credentials are never renewed sooner than a minute after issue, hence the few milliseconds.
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(first.expiration - 14 * 60_000);
    expect(alarm?.scheduledTime).toBeLessThan(first.expiration - 14 * 60_000 + 2_000);

    await env.stopServiceWorker();
    // Nothing touches the extension until the alarm is due: only the alarm can wake the worker.
    const wait = (alarm?.scheduledTime ?? 0) + 5_000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    const checkedAt = Date.now();
    const renewed = await eventually('the scheduled refresh', async () => {
      const current = await credentials(env);
      return current && current.accessKeyId !== first.accessKeyId ? current : undefined;
      // Chromium batches alarm checks, so a due alarm can come tens of seconds late on a busy
      // machine; then the worker starts and renews through the IdP and STS.
    }, 60_000);
    expect(renewed.issuedAt).toBeGreaterThanOrEqual(alarm?.scheduledTime ?? Infinity);
    expect(renewed.issuedAt).toBeLessThan(checkedAt);
    expect((await session(env))['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'refresh-token' });
    await proveWithSts(env, renewed);
  });
});
