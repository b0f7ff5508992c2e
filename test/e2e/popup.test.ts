/**
 * The popup as a user works it every day, after a real sign-in on the sandbox IdP: every copy
 * format read back by its consumer, a keyboard-only walk, "Open console" against a stand-in of
 * the AWS federation endpoint, the keyboard shortcut, clipboard clearing, both themes on screen
 * (screenshots in test-results/popup/) and an axe-core accessibility check.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, callerIdentityArn, startEnvironment } from './support/harness';
import type { Environment } from './support/harness';
import { allowHostAccess, pressBrowserShortcut } from './support/browser-ui';
import { cmdVariables, dotenvVariables, environmentAfter, parseIni, powerShellVariables } from './support/copied-text';
import { startFederationStandIn } from './support/federation-stand-in';
import type { FederationStandIn } from './support/federation-stand-in';

jest.setTimeout(180_000);

const artifacts = path.join(ROOT, 'test-results', 'popup');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
  assumedRoleArn: string;
}

let env: Environment;
let federation: FederationStandIn;

beforeAll(async () => {
  federation = await startFederationStandIn();
  env = await startEnvironment();
  // Ids and names of our own: policy files of other runs on this machine (Chromium reads them
  // all) may hold the standard sandbox entries, and a managed entry wins over ours.
  const config = env.sandboxConfig();
  await env.setLocalConfig({
    providers: config.providers.map((provider) => ({ ...provider, id: 'popup-sandbox', name: 'Popup IdP' })),
    profiles: config.profiles.map((profile) => ({ ...profile, id: 'popup-dev', name: 'Popup developer', provider: 'popup-sandbox', signinEndpoint: federation.endpoint })),
  });
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await env?.close();
  await federation?.close();
});

const profileCard = (popup: Page) => popup.getByRole('article', { name: 'Popup developer' });

async function credentials(): Promise<SessionCredentials> {
  return (await env.readStorage('session'))['credentials/popup-dev'] as SessionCredentials;
}

/** The variables every shell format sets, as the credentials in session storage say they should be. */
function expectedEnvironment(held: SessionCredentials): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: held.accessKeyId,
    AWS_SECRET_ACCESS_KEY: held.secretAccessKey,
    AWS_SESSION_TOKEN: held.sessionToken,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CREDENTIAL_EXPIRATION: new Date(held.expiration).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** Clicks the button a copy ends on and waits for it to say "Copied". */
async function waitForCopied(popup: Page, shortName: string): Promise<void> {
  await profileCard(popup).getByRole('button', { name: `Copy ${shortName}`, exact: true }).filter({ hasText: 'Copied' }).waitFor();
}

/** Picks a format from the menu like a person: open it, click the entry. */
async function copyFromMenu(popup: Page, label: string, shortName: string): Promise<string> {
  await popup.bringToFront();
  const card = profileCard(popup);
  await card.getByRole('button', { name: 'More copy formats' }).click();
  await card.getByRole('menu').getByRole('menuitem', { name: label, exact: true }).click();
  await waitForCopied(popup, shortName);
  return env.readClipboard();
}

/** Runs axe-core in the page and lists its violations, each with the elements it found. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

async function pollClipboard(until: (text: string) => boolean, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await env.readClipboard();
    if (until(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test('after a real sign-in, every format is copied from the popup and read back by what consumes it', async () => {
  const popup = await env.openPopup();
  const authWindow = env.waitForAuthWindow({ timeout: 60_000 });
  await popup.getByRole('region', { name: 'Popup IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, 'carol');
  await profileCard(popup).getByRole('status').filter({ hasText: /Valid, \d+ min left/ }).waitFor({ timeout: 20_000 });
  const held = await credentials();
  const expected = expectedEnvironment(held);

  // bash is the one-click default.
  await popup.bringToFront();
  await profileCard(popup).getByRole('button', { name: 'Copy bash' }).click();
  await waitForCopied(popup, 'bash');
  const bash = environmentAfter('bash', await env.readClipboard());
  expect(bash).toEqual(expected);
  const arn = await callerIdentityArn({ accessKeyId: bash.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: bash.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: bash.AWS_SESSION_TOKEN ?? '' }, env.sts?.endpoint ?? '');
  expect(arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/Developer\/wic-[0-9a-f]{32}$/);

  expect(environmentAfter('fish', await copyFromMenu(popup, 'fish', 'fish'))).toEqual(expected);
  expect(powerShellVariables(await copyFromMenu(popup, 'PowerShell', 'PowerShell'))).toEqual(expected);
  expect(cmdVariables(await copyFromMenu(popup, 'Windows cmd', 'cmd'))).toEqual(expected);
  expect(parseIni(await copyFromMenu(popup, '~/.aws/credentials', 'credentials file'))).toEqual({
    'popup-dev': { aws_access_key_id: held.accessKeyId, aws_secret_access_key: held.secretAccessKey, aws_session_token: held.sessionToken },
    'profile popup-dev': { region: 'us-east-1' },
  });
  expect(JSON.parse(await copyFromMenu(popup, 'credential_process JSON', 'credential_process'))).toEqual({
    Version: 1,
    AccessKeyId: held.accessKeyId,
    SecretAccessKey: held.secretAccessKey,
    SessionToken: held.sessionToken,
    Expiration: expected.AWS_CREDENTIAL_EXPIRATION,
  });
  expect(dotenvVariables(await copyFromMenu(popup, '.env / docker --env-file', '.env'))).toEqual(expected);
  await expect(copyFromMenu(popup, 'Access key ID', 'access key ID')).resolves.toBe(held.accessKeyId);
  await expect(copyFromMenu(popup, 'Secret access key', 'secret access key')).resolves.toBe(held.secretAccessKey);
  await expect(copyFromMenu(popup, 'Session token', 'session token')).resolves.toBe(held.sessionToken);
  await expect(copyFromMenu(popup, 'Assumed role ARN', 'role ARN')).resolves.toBe(held.assumedRoleArn);
  expect(held.assumedRoleArn).toBe(arn);
  await popup.close();

  // The last format picked is remembered: the next popup offers it in one click.
  const next = await env.openPopup();
  await profileCard(next).getByRole('button', { name: 'Copy role ARN' }).waitFor();
  expect((await env.readStorage('local'))['copy/last-format']).toBe('assumed-role-arn');
  await next.close();
});

test('the popup works from the keyboard alone', async () => {
  const popup = await env.openPopup();
  await profileCard(popup).getByRole('button', { name: 'Copy role ARN' }).waitFor();
  const focused = () => popup.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
  /** Waits (the page renders between key presses) until the named control has the focus. */
  const focusOn = async (name: string) => {
    await popup.waitForFunction((expected) => {
      const element = document.activeElement as HTMLElement | null;
      return (element?.getAttribute('aria-label') ?? element?.textContent?.trim()) === expected;
    }, name, { timeout: 5_000 }).catch(() => undefined);
    return focused();
  };
  // Tab from the top of the page. Policy files of other runs on this machine may add providers
  // above ours, so the walk goes on until it has passed our section and checks its part in order.
  const where = () => popup.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const name = element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    return `${element?.closest('[data-provider]')?.getAttribute('data-provider') ?? '(top)'}: ${name}`;
  });
  const walk: string[] = [];
  for (let step = 0; step < 60 && walk.at(-1) !== 'popup-sandbox: Refresh now'; step += 1) {
    await popup.keyboard.press('Tab');
    walk.push(await where());
  }
  expect(walk.slice(0, 2)).toEqual(['(top): Refresh all', '(top): Options']);
  expect(walk.filter((entry) => entry.startsWith('popup-sandbox: '))).toEqual([
    'popup-sandbox: Sign in', 'popup-sandbox: Sign out', 'popup-sandbox: Copy role ARN', 'popup-sandbox: More copy formats', 'popup-sandbox: Open console', 'popup-sandbox: Refresh now',
  ]);

  // Back to the menu button; ArrowDown opens the menu on its first entry.
  await popup.keyboard.press('Shift+Tab');
  expect(await focusOn('Open console')).toBe('Open console');
  await popup.keyboard.press('Shift+Tab');
  expect(await focusOn('More copy formats')).toBe('More copy formats');
  await popup.keyboard.press('ArrowDown');
  expect(await focusOn('bash / zsh')).toBe('bash / zsh');
  await popup.keyboard.press('Escape');
  expect(await focusOn('More copy formats')).toBe('More copy formats');
  await expect(profileCard(popup).getByRole('menu').count()).resolves.toBe(0);

  // Enter opens it too; arrows move; Enter picks fish and copies.
  await popup.keyboard.press('Enter');
  expect(await focusOn('bash / zsh')).toBe('bash / zsh');
  await popup.keyboard.press('ArrowDown');
  expect(await focusOn('fish')).toBe('fish');
  await popup.keyboard.press('Enter');
  await waitForCopied(popup, 'fish');
  expect(await focusOn('More copy formats')).toBe('More copy formats');
  expect(environmentAfter('fish', await env.readClipboard())).toEqual(expectedEnvironment(await credentials()));

  // The one-click button now copies fish, with Enter as well as Space.
  await popup.bringToFront();
  await popup.keyboard.press('Shift+Tab');
  expect(await focusOn('Copy fish')).toBe('Copy fish');
  await popup.keyboard.press('Enter');
  await waitForCopied(popup, 'fish');
  await expect(env.readClipboard()).resolves.toMatch(/^set -gx AWS_ACCESS_KEY_ID 'ASIA/);
  await popup.close();
});

test('Open console signs in through the federation endpoint and opens the console in a tab', async () => {
  const popup = await env.openPopup();
  const card = profileCard(popup);
  const button = card.getByRole('button', { name: 'Open console' });
  // Before the first click, a sentence says which host the browser will ask about, and why.
  await card.locator('#console-note-popup-dev').waitFor();
  await expect(button.getAttribute('aria-describedby')).resolves.toBe('console-note-popup-dev');
  await expect(card.locator('#console-note-popup-dev').textContent()).resolves.toBe(
    'Opening the console asks once to let this extension reach 127.0.0.1: AWS turns these credentials into a console session there.',
  );

  await allowHostAccess(env.context, env.extensionId, 'http://127.0.0.1/*');
  const held = await credentials();
  const consoleTab = env.context.waitForEvent('page', { predicate: (page) => page.url().startsWith(`${federation.endpoint}?Action=login`), timeout: 20_000 });
  await button.click();
  const tab = await consoleTab;
  await tab.waitForLoadState();

  const [tokenRequest, loginRequest] = federation.requests;
  expect(tokenRequest).toEqual({
    method: 'GET',
    path: '/federation',
    params: [
      ['Action', 'getSigninToken'],
      ['SessionDuration', '3600'],
      ['Session', JSON.stringify({ sessionId: held.accessKeyId, sessionKey: held.secretAccessKey, sessionToken: held.sessionToken })],
    ],
    cookie: undefined,
  });
  const opened = new URL(tab.url());
  expect([...opened.searchParams]).toEqual([
    ['Action', 'login'],
    ['Destination', 'https://console.aws.amazon.com/console/home?region=us-east-1'],
    ['SigninToken', federation.tokens[0]],
  ]);
  expect(loginRequest?.params).toEqual([...opened.searchParams]);
  await expect(tab.title()).resolves.toBe('AWS console (stand-in)');
  await tab.close();
  await expect(button.getAttribute('aria-describedby')).resolves.toBeNull();

  // The endpoint refusing (as AWS does for revoked credentials) is explained on the profile.
  federation.failNext(400);
  await popup.bringToFront();
  await button.click();
  await card.getByRole('alert').filter({ hasText: `The AWS sign-in endpoint ${federation.endpoint} refused the console sign-in (HTTP 400).` }).waitFor();
  await expect(card.getByRole('alert').textContent()).resolves.toContain('sign in again, then open the console.');
  await expect(axeViolations(popup)).resolves.toEqual([]);
  await popup.close();
});

test('the keyboard shortcut copies the default profile in the last used format', async () => {
  const page = await env.openPopup();
  await page.evaluate(() => navigator.clipboard.writeText('before the shortcut'));
  await expect(env.readClipboard()).resolves.toBe('before the shortcut');
  const commands = await (await env.getWorker()).evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome.commands.getAll());
  expect(commands).toContainEqual(expect.objectContaining({ name: 'copy-default-profile', shortcut: 'Alt+Shift+K' }));

  await pressBrowserShortcut(page, ['Alt', 'Shift'], 'K');
  const copied = await pollClipboard((text) => text !== 'before the shortcut', 20_000);
  // fish was picked last, from the popup.
  expect(environmentAfter('fish', copied)).toEqual(expectedEnvironment(await credentials()));
  await page.close();
});

test('the clipboard is cleared after the time chosen in the options', async () => {
  const options = await env.openOptions();
  await options.getByLabel('Clear the clipboard after copying credentials').selectOption({ label: 'After 10 seconds' });
  await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await expect(axeViolations(options)).resolves.toEqual([]);
  await options.close();

  const popup = await env.openPopup();
  await profileCard(popup).getByRole('button', { name: 'Copy fish' }).click();
  await waitForCopied(popup, 'fish');
  const copiedAt = Date.now();
  await expect(env.readClipboard()).resolves.toMatch(/^set -gx AWS_ACCESS_KEY_ID/);
  await popup.close();
  await expect(pollClipboard((text) => text === '')).resolves.toBe('');
  expect(Date.now() - copiedAt).toBeGreaterThanOrEqual(9_000);
});

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  test('the popup is about 360 px wide, saved as a screenshot, and axe-core finds no violation', async () => {
    const popup = await env.openPopup();
    await popup.emulateMedia({ colorScheme });
    await popup.setViewportSize({ width: 360, height: 640 });
    const card = profileCard(popup);
    await card.getByRole('status').filter({ hasText: /Valid/ }).waitFor();
    expect(await popup.evaluate(() => Math.round(document.body.getBoundingClientRect().width))).toBe(360);
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 27, 42)' : 'rgb(255, 255, 255)');
    await popup.screenshot({ path: path.join(artifacts, `popup-${colorScheme}.png`), fullPage: true });

    // The menu open, so its entries are checked too.
    await card.getByRole('button', { name: 'More copy formats' }).click();
    await card.getByRole('menu').waitFor();
    await popup.screenshot({ path: path.join(artifacts, `popup-${colorScheme}-menu.png`), fullPage: true });
    await expect(axeViolations(popup)).resolves.toEqual([]);
    await popup.close();
  });
});
