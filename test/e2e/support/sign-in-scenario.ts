/**
 * The spine of the product as a user meets it, written once and run in every browser the
 * extension ships for (sign-in.test.ts: Chromium, sign-in.firefox.test.ts: Firefox): see the
 * redirect URI, import a configuration, sign in on the IdP's own page, copy the bash exports, run
 * them, prove them against the STS emulator, and sign out.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { callerIdentityArn } from './harness';
import type { SandboxConfig, StorageAreaName } from './harness';
import type { ScenarioPage, Target } from './scenario-page';

/** The IdP's login window, as the scenario handles it. */
export interface AuthWindow {
  /** Fills the login form like a person and waits until the flow is back in the extension. */
  login(login: string): Promise<void>;
  close(): Promise<void>;
}

/** What a browser's harness offers the scenario. */
export interface ScenarioEnvironment {
  browserName: string;
  /** What the extension must show and send: computed by the harness, not read from the extension. */
  redirectUri: string;
  stsEndpoint: string;
  sandboxConfig(): SandboxConfig;
  revokeIdpSessions(): Promise<void>;
  openPopup(): Promise<ScenarioPage>;
  openOptions(): Promise<ScenarioPage>;
  readStorage(area: StorageAreaName): Promise<Record<string, unknown>>;
  readClipboard(): Promise<string>;
  /** Resolves with the next (or an open) window showing an IdP page. Call it before the click that opens it. */
  waitForAuthWindow(): Promise<AuthWindow>;
  close(): Promise<void>;
}

export const sandboxProvider: Target = { role: 'region', name: 'Sandbox IdP' };
export const sandboxProfile: Target = { role: 'article', name: 'Sandbox developer' };
const profileStatus: Target = { role: 'status', within: sandboxProfile };
const copyBash: Target = { role: 'button', name: 'Copy bash', within: sandboxProfile };

/** `RoleSessionName` the extension derives from a login (the sandbox IdP's `sub`). */
export const sessionName = (login: string) => `wic-${createHash('sha256').update(login).digest('hex').slice(0, 32)}`;

/** Runs the copied text in a real bash and reads the variables back. */
export function exportsFromBash(script: string): Record<string, string> {
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CREDENTIAL_EXPIRATION'];
  const output = execFileSync('bash', ['-c', `${script}\nprintf '%s\\0' ${names.map((name) => `"$${name}"`).join(' ')}`], { env: { PATH: process.env.PATH } });
  const values = output.toString('utf8').split('\0');
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
}

/** Clicks Sign in for the sandbox provider and logs in on the IdP's page. */
export async function signIn(env: ScenarioEnvironment, popup: ScenarioPage, login: string): Promise<void> {
  const authWindow = env.waitForAuthWindow();
  await popup.click({ role: 'button', name: 'Sign in', within: sandboxProvider });
  await (await authWindow).login(login);
}

/** Copies the profile's bash exports through the popup, runs them, and proves them against STS. */
export async function copyAndProve(env: ScenarioEnvironment, popup: ScenarioPage, login: string): Promise<Record<string, string>> {
  await popup.waitForText(profileStatus, /^Valid, \d+ min left$/, { timeout: 30_000 });
  await popup.click(copyBash);
  await popup.waitForText(copyBash, 'Copied');
  const script = await env.readClipboard();
  expect(script).toMatch(/^export AWS_ACCESS_KEY_ID='ASIA[A-Z0-9]+'\n/);
  const variables = exportsFromBash(script);
  expect(variables.AWS_REGION).toBe('us-east-1');
  expect(variables.AWS_DEFAULT_REGION).toBe('us-east-1');
  expect(Date.parse(variables.AWS_CREDENTIAL_EXPIRATION ?? '')).toBeGreaterThan(Date.now() + 50 * 60_000);
  const arn = await callerIdentityArn(
    { accessKeyId: variables.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: variables.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: variables.AWS_SESSION_TOKEN ?? '' },
    env.stsEndpoint,
  );
  expect(arn).toBe(`arn:aws:sts::123456789012:assumed-role/Developer/${sessionName(login)}`);
  return variables;
}

/** Every secret the extension holds, collected from session storage. */
async function secretsHeld(env: ScenarioEnvironment): Promise<string[]> {
  const session = await env.readStorage('session');
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(session)) {
    const item = value as Record<string, string>;
    if (key.startsWith('credentials/')) secrets.push(item.accessKeyId ?? '', item.secretAccessKey ?? '', item.sessionToken ?? '');
    if (key.startsWith('provider-session/')) secrets.push(item.idToken ?? '', ...(item.refreshToken ? [item.refreshToken] : []));
  }
  return secrets;
}

/** Registers the scenario's tests for one browser; `start` brings up a fresh environment. */
export function describeSignInScenario(browserName: string, start: () => Promise<ScenarioEnvironment>): void {
  describe(`${browserName}: sign-in configured through the options page`, () => {
    let env: ScenarioEnvironment;
    beforeAll(async () => {
      env = await start();
    });
    afterAll(async () => env?.close());

    it('shows the redirect URI of this browser while nothing is configured, and on the options page', async () => {
      const popup = await env.openPopup();
      await expect(popup.text({ role: 'code', name: 'Redirect URI' })).resolves.toBe(env.redirectUri);
      await popup.close();
      const options = await env.openOptions();
      await expect(options.text({ role: 'code', name: 'Redirect URI' })).resolves.toBe(env.redirectUri);
      await options.close();
    });

    it('refuses a bad import without touching storage, then imports the sandbox configuration', async () => {
      const options = await env.openOptions();
      const textarea: Target = { role: 'textbox', name: 'Configuration (JSON)' };
      const config = env.sandboxConfig();
      await options.fill(textarea, JSON.stringify({ ...config, profiles: [{ ...config.profiles[0], roleArn: 'arn:aws:iam::12:role/Dev' }] }));
      await options.click({ role: 'button', name: 'Import' });
      await options.waitForText({ role: 'alert' }, 'profiles[0].roleArn: account id must be 12 digits (got "12")');
      await expect(env.readStorage('local')).resolves.toEqual({});

      await options.fill(textarea, JSON.stringify(config, null, 2));
      await options.click({ role: 'button', name: 'Import' });
      // The sandbox's STS is on loopback, not AWS: the import names that host and waits for the
      // user's confirmation before storing anything (src/config/endpoint-trust.ts).
      const stsOrigin = new URL(env.stsEndpoint).origin;
      await options.waitForText({ role: 'alert' }, `profiles[0].stsEndpoint: sends your sign-in token to ${stsOrigin}`);
      await expect(env.readStorage('local')).resolves.toEqual({});
      await options.click({ role: 'button', name: `Trust ${stsOrigin} and import` });
      await options.waitForText({ role: 'status' }, 'Imported 1 provider(s) and 1 profile(s).');
      expect((await env.readStorage('local'))['trusted-endpoints']).toEqual([stsOrigin]);
      // Stored at the format version this extension writes.
      expect((await env.readStorage('local')).config).toEqual({ ...config, schemaVersion: 2 });
      await options.close();
    });

    it('signs in on the IdP page and gives working credentials to copy into bash', async () => {
      const popup = await env.openPopup();
      await expect(popup.text(sandboxProfile)).resolves.toContain('123456789012 · Developer · us-east-1');
      await expect(popup.text(profileStatus)).resolves.toBe('Signed out');
      await signIn(env, popup, 'alice');
      await copyAndProve(env, popup, 'alice');
      await popup.close();
    });

    it('keeps every secret in session storage only', async () => {
      const secrets = await secretsHeld(env);
      expect(secrets.length).toBeGreaterThanOrEqual(4);
      const elsewhere = JSON.stringify([await env.readStorage('local'), await env.readStorage('sync')]);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(8);
        expect(elsewhere).not.toContain(secret);
      }
    });

    it('reports a closed login window on the provider and keeps the credentials it had', async () => {
      const popup = await env.openPopup();
      const before = (await env.readStorage('session'))['credentials/dev'];
      expect(before).toEqual(expect.objectContaining({ accessKeyId: expect.stringMatching(/^ASIA/) }));
      // With a live IdP session the flow completes without showing a page; end it so the login shows.
      await env.revokeIdpSessions();
      const authWindow = env.waitForAuthWindow();
      await popup.click({ role: 'button', name: 'Sign in', within: sandboxProvider });
      await (await authWindow).close();
      await popup.waitForText({ role: 'alert', within: sandboxProvider }, 'Sign-in to Sandbox IdP was cancelled: the login window was closed.');
      expect((await env.readStorage('session'))['credentials/dev']).toEqual(before);
      await expect(popup.text(profileStatus)).resolves.toMatch(/^Valid/);
      await popup.close();
    });

    it('signs out, leaving nothing usable behind', async () => {
      const popup = await env.openPopup();
      await popup.click({ role: 'button', name: 'Sign out', within: sandboxProvider });
      await popup.waitForText(profileStatus, 'Signed out');
      const session = await env.readStorage('session');
      expect(Object.keys(session).filter((key) => key.startsWith('credentials/') || key.startsWith('provider-session/'))).toEqual([]);
      await popup.close();
    });
  });
}
