/**
 * The spine of the product, as a user meets it: configure, click Sign in, log in on the IdP's own
 * page, copy the bash exports, and use them. The credentials are proven against the STS emulator.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, REDIRECT_URI, callerIdentityArn, startEnvironment } from './harness';
import type { Environment, SandboxConfig } from './harness';

jest.setTimeout(120_000);

const sessionName = (login: string) => `wic-${createHash('sha256').update(login).digest('hex').slice(0, 32)}`;

/** Runs the copied text in a real bash and reads the variables back. */
function exportsFromBash(script: string): Record<string, string> {
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CREDENTIAL_EXPIRATION'];
  const output = execFileSync('bash', ['-c', `${script}\nprintf '%s\\0' ${names.map((name) => `"$${name}"`).join(' ')}`], { env: { PATH: process.env.PATH } });
  const values = output.toString('utf8').split('\0');
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
}

async function signIn(env: Environment, popup: Page, login: string): Promise<void> {
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, login);
}

/** Copies the profile's bash exports through the popup, runs them, and proves them against STS. */
async function copyAndProve(env: Environment, popup: Page, login: string): Promise<Record<string, string>> {
  const profile = popup.getByRole('article', { name: 'Sandbox developer' });
  await expect(profile.getByRole('status').textContent()).resolves.toBeDefined();
  await profile.getByRole('status').filter({ hasText: /Valid, \d+ min left/ }).waitFor({ timeout: 20_000 });
  await profile.getByRole('button', { name: 'Copy bash' }).click();
  await profile.getByRole('button', { name: 'Copy bash' }).filter({ hasText: 'Copied' }).waitFor();
  const script = await env.readClipboard();
  expect(script).toMatch(/^export AWS_ACCESS_KEY_ID='ASIA[A-Z0-9]+'\n/);
  const variables = exportsFromBash(script);
  expect(variables.AWS_REGION).toBe('us-east-1');
  expect(variables.AWS_DEFAULT_REGION).toBe('us-east-1');
  expect(Date.parse(variables.AWS_CREDENTIAL_EXPIRATION ?? '')).toBeGreaterThan(Date.now() + 50 * 60_000);
  const arn = await callerIdentityArn(
    { accessKeyId: variables.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: variables.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: variables.AWS_SESSION_TOKEN ?? '' },
    env.sts?.endpoint ?? '',
  );
  expect(arn).toBe(`arn:aws:sts::123456789012:assumed-role/Developer/${sessionName(login)}`);
  return variables;
}

/** Every secret the extension holds, collected from session storage. */
async function secretsHeld(env: Environment): Promise<string[]> {
  const session = await env.readStorage('session');
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(session)) {
    const item = value as Record<string, string>;
    if (key.startsWith('credentials/')) secrets.push(item.accessKeyId ?? '', item.secretAccessKey ?? '', item.sessionToken ?? '');
    if (key.startsWith('provider-session/')) secrets.push(item.idToken ?? '', ...(item.refreshToken ? [item.refreshToken] : []));
  }
  return secrets;
}

describe('sign-in configured through the options page', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => env?.close());

  it('shows the redirect URI to register while nothing is configured', async () => {
    const popup = await env.openPopup();
    await expect(popup.getByTestId('redirect-uri').textContent()).resolves.toBe(REDIRECT_URI);
    expect(REDIRECT_URI).toBe(`https://${EXTENSION_ID}.chromiumapp.org/`);
    await popup.close();
  });

  it('refuses a bad import without touching storage, then imports the sandbox configuration', async () => {
    const options = await env.openOptions();
    const textarea = options.getByLabel('Configuration (JSON)');
    const config = env.sandboxConfig();
    await textarea.fill(JSON.stringify({ ...config, profiles: [{ ...config.profiles[0], roleArn: 'arn:aws:iam::12:role/Dev' }] }));
    await options.getByRole('button', { name: 'Import' }).click();
    await expect(options.getByRole('alert').textContent()).resolves.toContain('profiles[0].roleArn: account id must be 12 digits (got "12")');
    await expect(env.readStorage('local')).resolves.toEqual({});

    await textarea.fill(JSON.stringify(config, null, 2));
    await options.getByRole('button', { name: 'Import' }).click();
    await options.getByRole('status').filter({ hasText: 'Imported 1 provider(s) and 1 profile(s).' }).waitFor();
    // Stored at the format version this extension writes.
    expect((await env.readStorage('local')).config).toEqual({ ...config, schemaVersion: 2 });
    await options.close();
  });

  it('signs in on the IdP page and gives working credentials to copy into bash', async () => {
    const popup = await env.openPopup();
    const profile = popup.getByRole('article', { name: 'Sandbox developer' });
    await expect(profile.textContent()).resolves.toContain('123456789012 · Developer · us-east-1');
    await expect(profile.getByRole('status').textContent()).resolves.toBe('Signed out');
    await signIn(env, popup, 'alice');
    await copyAndProve(env, popup, 'alice');
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
    // With a live IdP session the flow completes without showing a page; end it so the login shows.
    await env.idp.revokeSessions();
    const authWindow = env.waitForAuthWindow();
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await (await authWindow).close();
    const section = popup.getByRole('region', { name: 'Sandbox IdP' });
    await section.getByRole('alert').filter({ hasText: 'Sign-in to Sandbox IdP was cancelled: the login window was closed.' }).waitFor();
    expect((await env.readStorage('session'))['credentials/dev']).toEqual(before);
    await expect(popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').textContent()).resolves.toMatch(/^Valid/);
  });

  it('signs out, leaving nothing usable behind', async () => {
    const popup = await env.openPopup();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
    const session = await env.readStorage('session');
    expect(Object.keys(session).filter((key) => key.startsWith('credentials/') || key.startsWith('provider-session/'))).toEqual([]);
  });
});

describe('sign-in configured by enterprise policy, next to an invalid profile', () => {
  let env: Environment;
  let config: SandboxConfig;
  beforeAll(async () => {
    env = await startEnvironment({
      managedPolicy: (sandbox: SandboxConfig) => ({
        providers: sandbox.providers,
        profiles: [...sandbox.profiles, { id: 'broken', name: 'Broken', provider: 'sandbox', roleArn: 'arn:aws:iam::123:role/Nope' }],
      }),
    });
    config = env.sandboxConfig();
  });
  afterAll(async () => env?.close());

  it('shows managed entries as managed and the invalid profile with the field and what is wrong', async () => {
    const popup = await env.openPopup();
    const section = popup.getByRole('region', { name: 'Sandbox IdP' });
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain('managed');
    const problems = popup.getByRole('region', { name: 'Needs fixing' });
    await expect(problems.getByRole('alert').textContent()).resolves.toBe('profiles[1].roleArn: account id must be 12 digits (got "123")');
    expect(config.providers[0]?.id).toBe('sandbox');
    await signIn(env, popup, 'bob');
    await copyAndProve(env, popup, 'bob');
  });
});
