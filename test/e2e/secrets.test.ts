/**
 * Where secrets go, after a full run as a user: sign in, copy, open Details, copy the debug report,
 * copy with the keyboard shortcut (through the offscreen clipboard document).
 * Then storage.local, storage.sync, IndexedDB, the service worker's, the pages' and the offscreen
 * document's consoles and the profile directory on disk are collected and searched for the access
 * key, the secret, the session token, the ID token and the refresh token. Each collector first proves it works by
 * finding a planted canary. Sign-out and a browser restart must leave nothing usable behind.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { pressBrowserShortcut } from './support/browser-ui';
import { startEnvironment } from './support/harness';
import type { Environment } from './support/harness';
import { startNetworkGate } from './support/network-gate';
import type { NetworkGate } from './support/network-gate';
import { logInOffscreenDocument, readOffscreenConsole } from './support/offscreen-console';

jest.setTimeout(180_000);

const canary = `wic-canary-${Date.now()}`;
let env: Environment;
// The IdP answers through a gate, which shows when the extension's revocation request is done.
let gate: NetworkGate;
const consoleLines: string[] = [];
const seen: string[] = [];

function watchConsoles(): void {
  const record = (where: string) => (message: ConsoleMessage) => consoleLines.push(`[${where}] ${message.type()}: ${message.text()}`);
  const watchPage = (page: Page) => {
    page.on('console', record(`page ${page.url()}`));
    page.on('pageerror', (error) => consoleLines.push(`[page ${page.url()}] ${error.message}`));
  };
  env.context.pages().forEach(watchPage);
  env.context.on('page', watchPage);
  env.worker.on('console', record('worker'));
}

/** Every secret in session storage right now. */
async function secretsHeld(): Promise<string[]> {
  const secrets: string[] = [];
  for (const [key, value] of Object.entries(await env.readStorage('session'))) {
    const item = value as Record<string, string | undefined>;
    if (key.startsWith('credentials/')) secrets.push(item.accessKeyId ?? '', item.secretAccessKey ?? '', item.sessionToken ?? '');
    if (key.startsWith('provider-session/')) secrets.push(item.idToken ?? '', item.refreshToken ?? '');
  }
  return secrets;
}

/** Every IndexedDB database of the extension's origin, dumped to text from one of its pages. */
async function dumpIndexedDb(): Promise<string> {
  const page = await env.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(async () => {
      const open = (name: string) => new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const dump: Record<string, unknown> = {};
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await open(name);
        for (const store of Array.from(db.objectStoreNames)) {
          const transaction = db.transaction(store, 'readonly');
          dump[`${name}/${store}`] = { keys: await all(transaction.objectStore(store).getAllKeys()), values: await all(transaction.objectStore(store).getAll()) };
        }
        db.close();
      }
      return JSON.stringify(dump);
    });
  } finally {
    await page.close();
  }
}

/** Every file under the browser profile, as bytes. */
async function profileFiles(): Promise<Array<{ file: string; bytes: Buffer }>> {
  const entries = await readdir(env.profileDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const read = await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file).catch(() => Buffer.alloc(0)) })));
  return read.filter(({ bytes }) => bytes.length > 0);
}

/** Names of the files holding `needle`, as UTF-8 or UTF-16 (Chromium stores strings both ways). */
function filesHolding(files: Array<{ file: string; bytes: Buffer }>, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return files.filter(({ bytes }) => forms.some((form) => bytes.includes(form))).map(({ file }) => path.relative(env.profileDir, file));
}

async function signIn(popup: Page, login: string): Promise<void> {
  // With the IdP's session ended, the login page shows every time, as for a person signing in afresh.
  await env.idp.revokeSessions();
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, login);
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  gate = await startNetworkGate();
  env = await startEnvironment({ localConfig: 'sandbox', idp: { issuer: gate.url } });
  gate.forwardTo(env.idp.port);
  watchConsoles();
});
afterAll(async () => {
  await env?.close();
  await gate?.close();
});

describe('after a full run', () => {
  it('signs in, copies credentials, opens Details and copies a debug report without a secret in it', async () => {
    const popup = await env.openPopup();
    await signIn(popup, 'erin');
    const profile = popup.getByRole('article', { name: 'Sandbox developer' });
    await profile.getByRole('button', { name: 'Copy bash' }).click();
    await profile.getByRole('button', { name: 'Copy bash' }).filter({ hasText: 'Copied' }).waitFor();
    const secrets = await secretsHeld();
    expect(secrets.filter((secret) => secret.length > 16)).toHaveLength(5);
    seen.push(...secrets);
    expect(await env.readClipboard()).toContain(secrets[0]);

    const opened = env.context.waitForEvent('page');
    await profile.getByRole('link', { name: 'Details' }).click();
    const details = await opened;
    await details.getByRole('table', { name: 'ID token claims' }).waitFor();
    await expect(details.locator('body').textContent()).resolves.toContain('erin');
    await details.getByRole('button', { name: 'Copy debug report' }).click();
    await details.getByRole('button', { name: 'Copy debug report' }).filter({ hasText: 'Copied' }).waitFor();
    const report = await env.readClipboard();
    expect(report).toContain('# Web Identity Credentials debug report');
    expect(report).toContain('- Extension version: 0.1.0');
    expect(report).toContain('"sub": "[redacted, 4 characters]"');
    for (const secret of secrets) expect(report).not.toContain(secret);
    // What the page shows without being asked holds no secret either.
    const shown = await details.locator('body').textContent();
    for (const secret of secrets) expect(shown).not.toContain(secret);
    await details.close();

    // The shortcut copies the profile copied last, in its format, through the offscreen document.
    await pressBrowserShortcut(popup, ['Alt', 'Shift'], 'K');
    await waitForAsync(async () => (await env.readClipboard()).includes(secrets[0] ?? 'none'), 30_000);
    await popup.close();
  });

  it('finds each planted canary, so the collectors below really look', async () => {
    await (await env.getWorker()).evaluate(async (value) => {
      console.log(value);
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
      await chrome.storage.local.set({ canary: value });
    }, canary);
    const page = await env.openExtensionPage('manifest.json');
    await page.evaluate((value) => new Promise<void>((resolve, reject) => {
      console.log(value);
      const request = indexedDB.open('canary');
      request.onupgradeneeded = () => request.result.createObjectStore('s').put(value, 'k');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    }), canary);
    expect(await logInOffscreenDocument(page, canary)).toBe(true);
    await page.close();
    expect(JSON.stringify(await env.readStorage('local'))).toContain(canary);
    expect(await dumpIndexedDb()).toContain(canary);
    await waitFor(() => consoleLines.filter((line) => line.includes(canary)).length >= 2);
    expect(consoleLines.some((line) => line.startsWith('[worker]') && line.includes(canary))).toBe(true);
    expect(consoleLines.some((line) => line.startsWith('[page') && line.includes(canary))).toBe(true);
    expect(await offscreenConsole()).toContain(canary);
  });

  it('keeps no secret in storage.local, storage.sync, IndexedDB or any console', async () => {
    const places = {
      'storage.local': JSON.stringify(await env.readStorage('local')),
      'storage.sync': JSON.stringify(await env.readStorage('sync')),
      IndexedDB: await dumpIndexedDb(),
      consoles: consoleLines.join('\n'),
      'offscreen document console': await offscreenConsole(),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of seen) expect({ place, holds: text.includes(secret) }).toEqual({ place, holds: false });
    }
  });

  it('keeps secrets in session storage only under the keys meant for them', async () => {
    const session = await env.readStorage('session');
    const elsewhere = Object.entries(session).filter(([key]) => !key.startsWith('credentials/') && !key.startsWith('provider-session/'));
    expect(elsewhere.map(([key]) => key)).toEqual(expect.arrayContaining(['diagnostics/provider/sandbox', 'diagnostics/profile/dev']));
    const text = JSON.stringify(elsewhere);
    for (const secret of seen) expect(text).not.toContain(secret);
  });
});

describe('sign-out and restart', () => {
  it('signs out, leaving no token, credential or claim in session storage, and the refresh token revoked', async () => {
    const { refreshToken } = (await env.readStorage('session'))['provider-session/sandbox'] as { refreshToken: string };
    expect(refreshToken.length).toBeGreaterThan(16);
    const popup = await env.openPopup();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
    const session = await env.readStorage('session');
    expect(Object.keys(session).filter((key) => /^(credentials|provider-session|diagnostics)\//.test(key))).toEqual([]);
    const text = JSON.stringify(session);
    for (const secret of seen) expect(text).not.toContain(secret);

    // A copy of the refresh token taken before sign-out is worthless at the IdP afterwards.
    await waitFor(() => gate.served.some((request) => request.method === 'POST' && request.path.includes('revocation') && request.status === 200));
    const answer = await redeem(refreshToken);
    expect(answer).toMatchObject({ error: 'invalid_grant' });
  });

  it('after a browser restart holds nothing usable, in storage or on disk, and signs in again', async () => {
    const popup = await env.openPopup();
    await signIn(popup, 'erin');
    const secrets = await secretsHeld();
    seen.push(...secrets);

    await env.restart();
    watchConsoles();
    // Auto-refresh notes which sign-ins the restart ended, so the popup can say so; nothing else survives.
    const survivors = Object.entries(await env.readStorage('session'))
      .filter(([key, value]) => !(key.startsWith('renewal/') && (value as { state?: unknown }).state === 'cleared'));
    expect(survivors).toEqual([]);
    // The configuration stays, the same document (stored at the current format version, so the
    // install-time migration has nothing to rewrite).
    expect((await env.readStorage('local')).config).toEqual(env.sandboxConfig());
    const after = await env.openPopup();
    await expect(after.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').textContent()).resolves.toBe('Signed out');
    await expect(after.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).isEnabled()).resolves.toBe(true);

    const files = await profileFiles();
    // The disk scan finds what storage.local wrote, so it would find a secret written the same way.
    expect(filesHolding(files, canary).length).toBeGreaterThan(0);
    for (const secret of seen) expect({ secret: secret.slice(0, 12), files: filesHolding(files, secret) }).toEqual({ secret: secret.slice(0, 12), files: [] });

    await signIn(after, 'erin');
  });
});

/** Redeems `refreshToken` at the IdP, as a thief holding a copy would. */
async function redeem(refreshToken: string): Promise<{ error?: string; id_token?: string }> {
  const answer = await fetch(`${env.idp.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: env.idp.clientId }),
  });
  return (await answer.json()) as { error?: string; id_token?: string };
}

/** What the offscreen clipboard document logged, read from a page of the extension. */
async function offscreenConsole(): Promise<string> {
  const page = await env.openExtensionPage('manifest.json');
  try {
    const lines = await readOffscreenConsole(page);
    if (!lines) throw new Error('no offscreen document is open');
    return lines.join('\n');
  } finally {
    await page.close();
  }
}

async function waitForAsync(condition: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function waitFor(condition: () => boolean, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
