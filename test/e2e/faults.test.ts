/**
 * Faults in real Chromium, met the way a user meets them: the IdP down, the network cut in the
 * middle of a sign-in, STS answering 500, 503 and throttling, AccessDenied explained with a trust
 * policy to copy, and the service worker stopped in the middle of a sign-in. Each time the popup
 * says what happened, retries happen where they make sense, valid credentials stay and nothing
 * is left half-written.
 *
 * The IdP sits behind a gate the test can close (its issuer is the gate's URL); the STS profiles
 * other than "dev" point at a stand-in answering AWS's XML error bodies.
 */
import type { Page } from 'playwright-core';
import { startStsStandIn, stsCredentials, stsError } from '../unit/support/sts-stand-in';
import type { StsAnswer, StsRequest } from '../unit/support/sts-stand-in';
import { startEnvironment } from './support/harness';
import type { Environment } from './support/harness';
import { startNetworkGate } from './support/network-gate';
import type { NetworkGate } from './support/network-gate';

jest.setTimeout(180_000);

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const answers: Record<string, (count: number) => StsAnswer> = {
  // A passing outage: the SDK's retry gets through.
  Flaky: (count) => (count === 1 ? stsError('ServiceUnavailable', 'Service is unavailable', 503) : stsCredentials(role('Flaky'), 'wic-flaky', 3600, `ASIAFLAKY${String(count).padStart(11, '0')}`)),
  Broken: () => stsError('InternalFailure', 'An internal error occurred', 500),
  Busy: () => stsError('Throttling', 'Rate exceeded'),
  Denied: () => stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
};

let env: Environment;
let gate: NetworkGate;
let sts: Awaited<ReturnType<typeof startStsStandIn>>;
const counts = new Map<string, number>();
let override: ((request: StsRequest) => StsAnswer | undefined) | undefined;

beforeAll(async () => {
  gate = await startNetworkGate();
  sts = await startStsStandIn((request) => {
    const name = request.params.get('RoleArn')?.split('/').pop() ?? '';
    const count = (counts.get(name) ?? 0) + 1;
    counts.set(name, count);
    return override?.(request) ?? answers[name]?.(count) ?? stsError('ValidationError', `unknown role ${name}`);
  });
  env = await startEnvironment({ idp: { issuer: gate.url } });
  gate.forwardTo(env.idp.port);
  const sandbox = env.sandboxConfig();
  const base = sandbox.profiles[0];
  if (!base) throw new Error('no sandbox profile');
  await env.setLocalConfig({
    providers: sandbox.providers,
    profiles: [
      base,
      // Unpinned: auto-refresh retries pinned profiles on its own schedule (test/unit/refresh
      // covers that), so every STS count and message here is the sign-in's own.
      ...Object.keys(answers).map((name) => ({ ...base, id: name.toLowerCase(), name, roleArn: role(name), stsEndpoint: sts.endpoint, pinned: false })),
    ],
  });
});

afterAll(async () => {
  await env?.close();
  await gate?.close();
  await sts?.close();
});

const section = (popup: Page) => popup.getByRole('region', { name: 'Sandbox IdP' });
const card = (popup: Page, name: string) => popup.getByRole('article', { name });
const statusOf = (popup: Page, name: string) => card(popup, name).getByRole('status').textContent();
/** A profile's error, shown on the card or tucked into a disclosure on it: read as the DOM holds it. */
const cardError = (popup: Page, name: string) => card(popup, name).locator('[role=alert]');
const credentialsOf = async (id: string) => (await env.readStorage('session'))[`credentials/${id}`] as { accessKeyId: string; expiration: number } | undefined;

async function signInLikeAPerson(popup: Page, login = 'dave'): Promise<void> {
  const authWindow = env.waitForAuthWindow();
  await section(popup).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, login);
}

/** Waits until no card of the provider is busy, so the sign-in has finished. */
async function settled(popup: Page): Promise<void> {
  await section(popup).getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 60_000 });
  await popup.waitForFunction(() => !/…/.test(document.querySelector('section.provider')?.textContent ?? '…'), null, { timeout: 60_000 });
}

/** Waits until the dev profile holds credentials other than `old`. */
async function renewed(old: string | undefined): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const current = (await credentialsOf('dev'))?.accessKeyId;
    if (current && current !== old) return;
    if (Date.now() > deadline) throw new Error(`credentials were not renewed (still ${current})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The session must hold no status still marked busy: nothing half-written. */
async function expectNothingBusy(): Promise<void> {
  const busy = Object.entries(await env.readStorage('session')).filter(([key, value]) => key.includes('-status/') && (value as { state?: string }).state === 'busy');
  expect(busy).toEqual([]);
}

describe('STS faults at sign-in', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await env.openPopup();
    await signInLikeAPerson(popup);
    await settled(popup);
  });

  it('gets credentials from moto, and through a passing 503 by retrying', async () => {
    await expect(statusOf(popup, 'Sandbox developer')).resolves.toMatch(/^Valid/);
    await expect(statusOf(popup, 'Flaky')).resolves.toMatch(/^Valid/);
    expect(counts.get('Flaky')).toBe(2);
  });

  it('says STS failed on its side after retrying a 500', async () => {
    const alert = cardError(popup, 'Broken');
    await expect(alert.textContent()).resolves.toBe(`STS at ${sts.endpoint} failed with HTTP 500 (InternalFailure) after 3 attempts.The fault is on the STS side; try again in a few minutes. Credentials you already have stay valid until they expire.`);
    expect(counts.get('Broken')).toBe(3);
  });

  it('says STS is throttling after backing off', async () => {
    await expect(cardError(popup, 'Busy').textContent()).resolves.toContain('STS is throttling requests right now (Throttling after 3 attempts).');
    expect(counts.get('Busy')).toBe(3);
  });

  it('explains AccessDenied and offers a trust policy built from the token in Details', async () => {
    await expect(cardError(popup, 'Denied').textContent()).resolves.toContain('Not allowed to assume role Denied in account 123456789012');
    const opened = env.context.waitForEvent('page');
    await card(popup, 'Denied').getByRole('link', { name: 'Details' }).click();
    const details = await opened;
    await details.getByRole('heading', { name: 'Suggested trust policy' }).waitFor();
    await expect(details.getByTestId('failed-step').textContent()).resolves.toBe('Failed at: STS AssumeRoleWithWebIdentity');
    await expect(details.getByRole('table', { name: 'STS answer' }).textContent()).resolves.toContain('codeAccessDenied');
    await expect(details.getByRole('table', { name: 'ID token claims' }).textContent()).resolves.toContain('dave');
    const host = new URL(gate.url).host;
    await details.getByRole('button', { name: 'Copy trust policy' }).click();
    await details.getByRole('button', { name: 'Copy trust policy' }).filter({ hasText: 'Copied' }).waitFor();
    expect(JSON.parse(await env.readClipboard())).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${host}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${host}:aud`]: env.idp.clientId, [`${host}:sub`]: 'dave' } },
      }],
    });
    await details.close();
  });

  it('keeps valid credentials when STS fails on the next sign-in, and shows the failure beside them', async () => {
    const before = await credentialsOf('flaky');
    override = (request) => (request.params.get('RoleArn') === role('Flaky') ? stsError('ServiceUnavailable', 'Service is unavailable', 503) : undefined);
    try {
      const again = await env.openPopup();
      // The IdP session is alive, so the sign-in completes without a login page.
      await section(again).getByRole('button', { name: 'Sign in' }).click();
      await cardError(again, 'Flaky').filter({ hasText: 'failed with HTTP 503 (ServiceUnavailable) after 3 attempts' }).waitFor({ state: 'attached', timeout: 60_000 });
      await settled(again);
      await expect(statusOf(again, 'Flaky')).resolves.toMatch(/^Valid/);
      expect(await credentialsOf('flaky')).toEqual(before);
      await expectNothingBusy();
    } finally {
      override = undefined;
    }
  });
});

describe('IdP and network faults', () => {
  it('says the IdP cannot be reached when it is down, keeping every credential', async () => {
    const before = await credentialsOf('dev');
    expect(before?.expiration).toBeGreaterThan(Date.now());
    gate.drop();
    try {
      const popup = await env.openPopup();
      await section(popup).getByRole('button', { name: 'Sign in' }).click();
      await section(popup).getByRole('alert').filter({ hasText: `Could not reach Sandbox IdP at ${gate.url}.` }).waitFor({ timeout: 60_000 });
      await expect(section(popup).getByRole('button', { name: 'Sign in' }).isEnabled()).resolves.toBe(true);
      await expect(statusOf(popup, 'Sandbox developer')).resolves.toMatch(/^Valid/);
      expect(await credentialsOf('dev')).toEqual(before);
      await expectNothingBusy();
    } finally {
      gate.open();
    }
  });

  it('survives the network failing between the login and the token request', async () => {
    const before = await credentialsOf('dev');
    const session = (await env.readStorage('session'))['provider-session/sandbox'];
    await env.idp.revokeSessions();
    gate.drop((request) => request.method === 'POST' && request.path.startsWith('/token'));
    try {
      const popup = await env.openPopup();
      await signInLikeAPerson(popup, 'dave');
      await section(popup).getByRole('alert').filter({ hasText: 'Could not reach Sandbox IdP' }).waitFor({ timeout: 60_000 });
      expect(gate.dropped.some((request) => request.path.startsWith('/token'))).toBe(true);
      expect(await credentialsOf('dev')).toEqual(before);
      // The earlier tokens stay as they were: no half-written session.
      expect((await env.readStorage('session'))['provider-session/sandbox']).toEqual(session);
      await expectNothingBusy();
    } finally {
      gate.open();
    }
    // Once the network is back, the same button works.
    const popup = await env.openPopup();
    await section(popup).getByRole('button', { name: 'Sign in' }).click();
    await renewed(before?.accessKeyId);
    await expect(statusOf(popup, 'Sandbox developer')).resolves.toMatch(/^Valid/);
    // The other profiles' STS calls (retried failures) finish before the next test signs in again.
    await settled(popup);
  });
});

describe('the service worker stopped in the middle of a sign-in', () => {
  it('shows the sign-in as interrupted instead of spinning, and keeps the credentials', async () => {
    const before = await credentialsOf('dev');
    await env.idp.revokeSessions();
    const popup = await env.openPopup();
    const authWindow = env.waitForAuthWindow();
    await section(popup).getByRole('button', { name: 'Sign in' }).click();
    const window = await authWindow;
    await section(popup).getByText('Waiting for sign-in… finish in the login window.').waitFor();

    await env.stopServiceWorker();
    if (!window.isClosed()) await window.close();

    // Opening the popup wakes the background, which settles what its predecessor left busy.
    const next = await env.openPopup();
    await section(next).getByRole('alert').filter({ hasText: 'The sign-in was interrupted: the extension\'s background stopped before it finished.' }).waitFor({ timeout: 30_000 });
    await expect(section(next).getByRole('button', { name: 'Sign in' }).isEnabled()).resolves.toBe(true);
    await expect(statusOf(next, 'Sandbox developer')).resolves.toMatch(/^Valid/);
    expect(await credentialsOf('dev')).toEqual(before);
    await expectNothingBusy();

    await signInLikeAPerson(next, 'dave');
    await card(next, 'Sandbox developer').getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 60_000 });
    await renewed(before?.accessKeyId);
    await section(next).getByText('The sign-in was interrupted', { exact: false }).waitFor({ state: 'detached' });
    expect((await env.readStorage('session'))['provider-status/sandbox']).toMatchObject({ state: 'idle' });
  });
});
