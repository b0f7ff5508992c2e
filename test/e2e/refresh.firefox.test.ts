/**
 * Auto-refresh in Firefox ESR with the Firefox build, clicked in the popup like a person: "Refresh
 * now" renews credentials through the refresh token without a login window (the path the README
 * says comes first in Firefox), and once the IdP has revoked the grant and ended the session the
 * popup asks for sign-in, the notification is up and the old credentials stay until they expire.
 */
import type { ProfileCredentials as Credentials } from '../../src/sts/credentials';
import { eventually } from './support/eventually';
import { startFirefoxEnvironment } from './support/firefox-harness';
import type { FirefoxEnvironment } from './support/firefox-harness';
import { callerIdentityArn } from './support/harness';
import type { ScenarioPage, Target } from './support/scenario-page';
import { sandboxProfile, sandboxProvider, sessionName, signIn } from './support/sign-in-scenario';

jest.setTimeout(240_000);

/** The parts of Firefox's `browser` global the test calls in the control page. */
interface FirefoxApis {
  notifications: { getAll(): Promise<Record<string, unknown>>; onClosed: { addListener(listener: (id: string) => void): void } };
  action: { getBadgeText(details: object): Promise<string> };
}

/** The control page, where the test keeps what it saw. */
type ControlPage = { browser: FirefoxApis; noticesSeen?: string[] };

const profileStatus: Target = { role: 'status', within: sandboxProfile };
const refreshButton: Target = { role: 'button', name: 'Refresh now', within: sandboxProfile };

let env: FirefoxEnvironment;
beforeAll(async () => {
  env = await startFirefoxEnvironment({ localConfig: 'sandbox' });
});
afterAll(async () => env?.close());

const session = () => env.readStorage('session');
const credentials = async () => (await session())['credentials/dev'] as Credentials | undefined;

async function proveWithSts(fresh: Credentials): Promise<void> {
  const { accessKeyId, secretAccessKey, sessionToken } = fresh;
  await expect(callerIdentityArn({ accessKeyId, secretAccessKey, sessionToken }, env.sts?.endpoint ?? '')).resolves.toBe(
    `arn:aws:sts::123456789012:assumed-role/Developer/${sessionName('alice')}`,
  );
}

describe('Firefox: Refresh now', () => {
  let popup: ScenarioPage;
  beforeAll(async () => {
    popup = await env.scenario().openPopup();
    await signIn(env.scenario(), popup, 'alice');
    await popup.waitForText(profileStatus, /^Valid, \d+ min left$/, { timeout: 30_000 });
  });
  afterAll(async () => popup?.close());

  it('renews through the refresh token: new credentials, no login window', async () => {
    const before = (await credentials()) as Credentials;
    const signedIn = (await session())['provider-session/sandbox'] as { refreshToken?: string };
    expect(signedIn.refreshToken).toEqual(expect.any(String));

    const loginWindow = env.waitForAuthWindow({ timeout: 8_000 }).then(() => 'shown', () => undefined);
    await popup.click(refreshButton);
    const after = await eventually('new credentials', async () => {
      const current = await credentials();
      return current && current.accessKeyId !== before.accessKeyId ? current : undefined;
    });
    await expect(loginWindow).resolves.toBeUndefined();
    const renewed = await session();
    expect(renewed['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'refresh-token' });
    // oidc-provider rotates refresh tokens: the new one is stored, the spent one is gone.
    expect((renewed['provider-session/sandbox'] as { refreshToken?: string }).refreshToken).not.toBe(signedIn.refreshToken);
    await popup.waitForText(sandboxProvider, 'with the refresh token');
    await popup.waitForText(profileStatus, /^Valid, \d+ min left$/);
    await proveWithSts(after);
  });

  it('asks for sign-in once the IdP revoked the grant and ended the session, keeping the old credentials', async () => {
    const kept = (await credentials()) as Credentials;
    // Headless Firefox has no system alerts: a notification it takes closes at once, so the
    // test watches for it closing as well as for it being open.
    await env.evaluateInExtension(() => {
      const page = globalThis as unknown as ControlPage;
      page.noticesSeen = [];
      page.browser.notifications.onClosed.addListener((id) => page.noticesSeen?.push(id));
    }, undefined);
    await env.idp.revokeGrants();
    await env.idp.revokeSessions();
    await popup.click(refreshButton);
    // The refresh token is refused, then prompt=none comes back with login_required through
    // HTTP redirects (Firefox would say "Requires user interaction" for a page): the user is needed.
    const alert = await popup.waitForText({ role: 'alert', within: sandboxProvider }, 'Sandbox IdP needs you to sign in again (login_required).', { timeout: 30_000 });
    expect(alert).toContain('Sign in to keep your credentials renewed; your current credentials stay valid until');
    await expect(popup.text(profileStatus)).resolves.toMatch(/^Valid, \d+ min left$/);
    expect(await credentials()).toEqual(kept);
    expect((await session())['provider-session/sandbox']).not.toHaveProperty('refreshToken');
    await proveWithSts(kept);

    // Firefox takes the notification (its API refuses Chromium's button outright), and the badge.
    const shown = await env.evaluateInExtension(async () => {
      const page = globalThis as unknown as ControlPage;
      return { notifications: [...Object.keys(await page.browser.notifications.getAll()), ...(page.noticesSeen ?? [])], badge: await page.browser.action.getBadgeText({}) };
    }, undefined);
    expect(shown.notifications).toEqual(['sign-in/sandbox']);
    expect(shown.badge).toMatch(/^\d+m$/);
  });
});
