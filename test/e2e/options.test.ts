/**
 * The options page as people use it: set up a provider and a profile from nothing, test the
 * sign-in, and get working credentials; a bad import that changes nothing; an organization's
 * entry that shows read-only and wins; roles that come from the token.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventually } from './support/eventually';
import { SANDBOX_ROLE_ARN, callerIdentityArn, startEnvironment } from './support/harness';
import type { Environment, SandboxConfig } from './support/harness';
import { configurationKey } from '../../src/storage/keys';

jest.setTimeout(180_000);

/** Runs copied bash exports in a real bash and proves them with GetCallerIdentity. */
async function proveCopiedCredentials(env: Environment, popup: Page, profileName: string): Promise<string> {
  const card = popup.getByRole('article', { name: profileName });
  await card.getByRole('status').filter({ hasText: /Valid, \d+ min left/ }).waitFor({ timeout: 30_000 });
  await card.getByRole('button', { name: 'Copy bash' }).click();
  await card.getByRole('button', { name: 'Copy bash' }).filter({ hasText: 'Copied' }).waitFor();
  const script = await env.readClipboard();
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
  const output = execFileSync('bash', ['-c', `${script}\nprintf '%s\\0' ${names.map((name) => `"$${name}"`).join(' ')}`], { env: { PATH: process.env.PATH } });
  const [accessKeyId = '', secretAccessKey = '', sessionToken = ''] = output.toString('utf8').split('\0');
  return callerIdentityArn({ accessKeyId, secretAccessKey, sessionToken }, env.sts?.endpoint ?? '');
}

async function signInFromPopup(env: Environment, popup: Page, providerName: string, login: string): Promise<void> {
  await env.idp.revokeSessions();
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: providerName }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, login);
}

describe('setting up from nothing in the options page', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => env?.close());

  it('creates a provider from a preset and a profile like a person, tests the sign-in, and gets credentials', async () => {
    const options = await env.openOptions();
    const add = options.getByRole('form', { name: 'Add provider' });
    await add.getByLabel('Identity provider').selectOption({ label: 'Other OpenID Connect provider' });
    await add.getByLabel('Issuer URL').fill(env.idp.issuer);
    await add.getByLabel('Client id', { exact: true }).fill(env.idp.clientId);
    await add.getByRole('button', { name: 'Add provider' }).click();
    await options.getByRole('article', { name: 'Provider Other OpenID Connect provider' }).getByLabel('Name', { exact: true }).fill('Sandbox IdP');
    const provider = options.getByRole('article', { name: 'Provider Sandbox IdP' });
    await expect(provider.getByLabel('Issuer', { exact: true }).inputValue()).resolves.toBe(env.idp.issuer);

    await options.getByRole('button', { name: 'Add profile' }).click();
    await options.getByRole('article', { name: 'Profile profile' }).getByLabel('Name', { exact: true }).fill('Sandbox developer');
    const profile = options.getByRole('article', { name: 'Profile Sandbox developer' });
    await profile.getByLabel('Role ARN', { exact: true }).fill('arn:aws:iam::123456789012:role');
    await profile.getByText('must name a role').waitFor();
    await profile.getByLabel('Role ARN', { exact: true }).fill(SANDBOX_ROLE_ARN);
    await profile.getByText('must name a role').waitFor({ state: 'detached' });
    await profile.getByLabel('STS endpoint', { exact: true }).fill(env.sts?.endpoint ?? '');
    await profile.getByLabel('Account alias').fill('sandbox');
    await profile.getByLabel('Session name template').fill('wic-{preferred_username}');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    // The sandbox's STS is on loopback, not AWS: the save names that host and stores nothing until
    // the user confirms it (src/config/endpoint-trust.ts).
    const stsOrigin = new URL(env.sts?.endpoint ?? '').origin;
    await options.getByRole('alert').filter({ hasText: `sends your sign-in token to ${stsOrigin}` }).waitFor();
    await expect(env.readStorage('local')).resolves.not.toHaveProperty('config');
    await options.getByRole('button', { name: `Trust ${stsOrigin} and save` }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await env.readStorage('local'))['trusted-endpoints']).toEqual([stsOrigin]);
    const stored = (await env.readStorage('local')).config as { schemaVersion: number; providers: unknown[]; profiles: unknown[] };
    expect(stored).toEqual({
      schemaVersion: 2,
      providers: [{ id: 'generic', name: 'Sandbox IdP', preset: 'generic', clientId: env.idp.clientId, issuer: env.idp.issuer, scopes: 'openid' }],
      profiles: [{ id: 'profile', name: 'Sandbox developer', provider: 'generic', roleArn: SANDBOX_ROLE_ARN, stsEndpoint: env.sts?.endpoint, alias: 'sandbox', sessionNameTemplate: 'wic-{preferred_username}' }],
    });

    const authWindow = env.waitForAuthWindow();
    await provider.getByRole('button', { name: 'Test sign-in with Sandbox IdP' }).click();
    await env.loginOnIdp(await authWindow, 'alice');
    const report = provider.getByRole('list', { name: 'Test sign-in report for Sandbox IdP' });
    await report.waitFor({ timeout: 30_000 });
    await expect(report.locator('strong').allTextContents()).resolves.toEqual(['Discovery: ok', 'Authorization: ok', 'Token: ok', 'Claims: ok', 'STS: ok']);
    await expect(report.textContent()).resolves.toContain('assumed-role/Developer/wic-alice');
    // A test stores nothing: no token, no credentials. Session storage holds only the configuration
    // the background published for the popup, which carries no secret.
    expect(Object.keys(await env.readStorage('session'))).toEqual([configurationKey]);

    const popup = await env.openPopup();
    await signInFromPopup(env, popup, 'Sandbox IdP', 'alice');
    await expect(proveCopiedCredentials(env, popup, 'Sandbox developer')).resolves.toBe('arn:aws:sts::123456789012:assumed-role/Developer/wic-alice');
    await popup.close();
    await options.close();
  });

  it('switches the provider to the implicit flow and signs in with a verified ID token', async () => {
    const options = await env.openOptions();
    await options.getByRole('article', { name: 'Provider Sandbox IdP' }).getByLabel('Flow', { exact: true }).selectOption('implicit');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const popup = await env.openPopup();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
    await signInFromPopup(env, popup, 'Sandbox IdP', 'bob');
    await expect(proveCopiedCredentials(env, popup, 'Sandbox developer')).resolves.toBe('arn:aws:sts::123456789012:assumed-role/Developer/wic-bob');

    // The IdP session is live now, so the test completes without showing the login page.
    const provider = options.getByRole('article', { name: 'Provider Sandbox IdP' });
    await provider.getByRole('button', { name: 'Test sign-in with Sandbox IdP' }).click();
    const report = provider.getByRole('list', { name: 'Test sign-in report for Sandbox IdP' });
    await report.waitFor({ timeout: 30_000 });
    await expect(report.locator('li[data-step=authorization]').textContent()).resolves.toBe('Authorization: ok an ID token in the redirect (implicit flow)');
    await expect(report.locator('li[data-step=token]').textContent()).resolves.toContain(`Token: ok signature verified against ${env.idp.issuer}/jwks`);
    await expect(report.locator('li[data-step=sts]').textContent()).resolves.toContain('assumed-role/Developer/wic-bob');
    await popup.close();
    await options.close();
  });

  it('refuses a bad import, listing every problem with its path, and changes nothing', async () => {
    const before = await env.readStorage('local');
    const options = await env.openOptions();
    const config = before.config as SandboxConfig;
    const bad = {
      providers: [{ ...config.providers[0], issuer: 'http://idp.example.com' }],
      profiles: [...config.profiles, { id: 'x', provider: 'generic', roleArn: 'arn:aws:iam::12:role/X', color: 'blue', policyArns: ['nope'] }],
    };
    await options.getByLabel('Configuration (JSON)').fill(JSON.stringify(bad));
    await options.getByRole('button', { name: 'Import' }).click();
    const alert = options.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await alert.waitFor();
    await expect(alert.locator('li').allTextContents()).resolves.toEqual([
      'providers[0].issuer: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "http://idp.example.com")',
      'profiles[0].provider: provider "generic" has errors of its own; fix them first',
      'profiles[1].roleArn: account id must be 12 digits (got "12")',
      'profiles[1].color: must be a colour like #d13212 (got "blue")',
      'profiles[1].policyArns[0]: must look like arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/Name (got "nope")',
    ]);
    expect(await env.readStorage('local')).toEqual(before);
    await expect(options.getByRole('article', { name: 'Profile Sandbox developer' }).getByLabel('Role ARN', { exact: true }).inputValue()).resolves.toBe(SANDBOX_ROLE_ARN);
    await options.close();
  });
});

describe('an entry set by the organization', () => {
  let env: Environment;
  // Policy files of concurrent runs merge for the same extension id, so these ids are ours alone.
  const providerId = `org-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    env = await startEnvironment({
      managedPolicy: (sandbox: SandboxConfig) => ({
        providers: [{ ...sandbox.providers[0], id: providerId, name: 'Policy IdP' }],
        // Format-2 fields too: Chrome passes only what the managed schema describes.
        profiles: [{ ...sandbox.profiles[0], id: `${providerId}-dev`, name: 'Policy developer', provider: providerId, alias: 'org-sandbox', color: '#d13212', sessionNameTemplate: 'org-{preferred_username}', policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
      }),
    });
    const sandbox = env.sandboxConfig();
    await env.setLocalConfig({ providers: [{ ...sandbox.providers[0], id: providerId, name: 'My own IdP', clientId: 'not-registered' }], profiles: [] } as SandboxConfig);
  });
  afterAll(async () => env?.close());

  it('shows read-only in the options page, marked as set by the organization, and wins over the local one', async () => {
    const options = await env.openOptions();
    const managed = options.getByRole('article', { name: 'Provider Policy IdP' });
    await expect(managed.textContent()).resolves.toContain('Set by your organization');
    await expect(managed.getByLabel('Client id', { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(managed.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    const managedProfile = options.getByRole('article', { name: 'Profile Policy developer' });
    await expect(managedProfile.getByLabel('Role ARN', { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(managedProfile.getByLabel('Account alias').inputValue()).resolves.toBe('org-sandbox');
    const local = options.getByRole('article', { name: 'Provider My own IdP' });
    await expect(local.getByRole('note').textContent()).resolves.toBe('Your organization\'s policy has an entry with this id, and it is used instead of this one.');
    await options.close();

    const popup = await env.openPopup();
    const section = popup.getByRole('region', { name: 'Policy IdP' });
    await expect(section.textContent()).resolves.toContain('managed');
    await expect(popup.getByRole('region', { name: 'My own IdP' }).count()).resolves.toBe(0);
    await signInFromPopup(env, popup, 'Policy IdP', 'carol');
    await expect(popup.getByRole('article', { name: 'Policy developer' }).getByTestId('profile-tag').textContent()).resolves.toBe('org-sandbox');
    await expect(proveCopiedCredentials(env, popup, 'Policy developer')).resolves.toBe('arn:aws:sts::123456789012:assumed-role/Developer/org-carol');
  });
});

describe('roles from a claim of the ID token', () => {
  let env: Environment;
  const readOnly = 'arn:aws:iam::123456789012:role/ReadOnly';
  beforeAll(async () => {
    env = await startEnvironment({ extraClaims: { 'https://aws.amazon.com/roles': [SANDBOX_ROLE_ARN, readOnly, 'not-a-role'] } });
    const sandbox = env.sandboxConfig();
    await env.setLocalConfig({ providers: [{ ...sandbox.providers[0], rolesFromClaim: { claim: 'https://aws.amazon.com/roles', stsEndpoint: env.sts?.endpoint } }], profiles: [] });
  });
  afterAll(async () => env?.close());

  it('makes a profile per listed role after sign-in, each with working credentials', async () => {
    const popup = await env.openPopup();
    const section = popup.getByRole('region', { name: 'Sandbox IdP' });
    await section.getByText('No profile uses this provider yet.').waitFor();
    await signInFromPopup(env, popup, 'Sandbox IdP', 'dave');
    await section.getByRole('article', { name: 'ReadOnly' }).waitFor({ timeout: 30_000 });
    await expect(section.getByRole('article').count()).resolves.toBe(2);
    await expect(proveCopiedCredentials(env, popup, 'ReadOnly')).resolves.toMatch(/^arn:aws:sts::123456789012:assumed-role\/ReadOnly\/wic-/);
    await expect(proveCopiedCredentials(env, popup, 'Developer')).resolves.toMatch(/^arn:aws:sts::123456789012:assumed-role\/Developer\/wic-/);

    await popup.getByRole('button', { name: 'Sign out' }).click();
    await section.getByText('No profile uses this provider yet.').waitFor();
  });

  it('follows the roles the renewed token lists: a role granted since sign-in appears, a role taken away goes with its credentials', async () => {
    const admin = 'arn:aws:iam::123456789012:role/Admin';
    // Unpinned, so that no schedule fetches a new role's credentials before the user asks.
    const sandbox = env.sandboxConfig();
    await env.setLocalConfig({ providers: [{ ...sandbox.providers[0], rolesFromClaim: { claim: 'https://aws.amazon.com/roles', stsEndpoint: env.sts?.endpoint, pinned: false } }], profiles: [] });
    await env.idp.setAccountClaims('erin', { 'https://aws.amazon.com/roles': [SANDBOX_ROLE_ARN, readOnly] });
    const popup = await env.openPopup();
    const section = popup.getByRole('region', { name: 'Sandbox IdP' });
    await signInFromPopup(env, popup, 'Sandbox IdP', 'erin');
    await section.getByRole('article', { name: 'ReadOnly' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 30_000 });
    expect((await env.readStorage('session'))['credentials/sandbox-123456789012-ReadOnly']).toBeDefined();

    // The administrator moves erin from ReadOnly to Admin; no sign-in follows, only a renewal.
    await env.idp.setAccountClaims('erin', { 'https://aws.amazon.com/roles': [SANDBOX_ROLE_ARN, admin] });
    const loginPage = env.waitForAuthWindow({ timeout: 8_000 }).then((page) => page.url(), () => undefined);
    await section.getByRole('article', { name: 'Developer' }).getByRole('button', { name: 'Refresh now' }).click();
    await section.getByRole('article', { name: 'Admin' }).waitFor({ timeout: 30_000 });
    await section.getByRole('article', { name: 'ReadOnly' }).waitFor({ state: 'detached' });
    await eventually('the taken role\'s credentials forgotten', async () => ((await env.readStorage('session'))['credentials/sandbox-123456789012-ReadOnly'] ? undefined : true), 15_000);
    expect((await env.readStorage('session'))['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'refresh-token' });

    await section.getByRole('article', { name: 'Admin' }).getByRole('status').filter({ hasText: 'No credentials yet' }).waitFor();
    await section.getByRole('article', { name: 'Admin' }).getByRole('button', { name: 'Refresh now' }).click();
    await expect(proveCopiedCredentials(env, popup, 'Admin')).resolves.toMatch(/^arn:aws:sts::123456789012:assumed-role\/Admin\/wic-/);
    await expect(loginPage).resolves.toBeUndefined();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await section.getByText('No profile uses this provider yet.').waitFor();
  });
});
