/**
 * End-to-end harness for Firefox: the same sandbox IdP and moto as harness.ts (Chromium), and
 * Debian's Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over
 * WebDriver BiDi.
 *
 * ```ts
 * let env: FirefoxEnvironment;
 * beforeAll(async () => { env = await startFirefoxEnvironment({ localConfig: 'sandbox' }); });
 * afterAll(() => env?.close());
 *
 * const popup = await env.openPopup();
 * const authWindow = env.waitForAuthWindow();
 * await popup.click('section[data-provider=sandbox] button.primary');
 * await env.loginOnIdp(await authWindow, 'alice');
 * ```
 *
 * Opening the extension's pages: BiDi refuses to navigate a tab to a `moz-extension://` URL, and
 * web pages cannot open one either. So the harness loads a copy of the build with one more
 * background script (`e2e-control.js`, nothing else differs) that opens `e2e-control.html` in a
 * tab on install. That tab is an extension page, scriptable over BiDi: the harness asks it to
 * `tabs.create` every other page, reads storage and the clipboard there, and calls the identity
 * API there. The extension's internal UUID is pinned (`extensions.webextensions.uuids`) so its
 * origin, `moz-extension://<FIREFOX_EXTENSION_UUID>`, is known in advance. Puppeteer reports
 * `about:blank` as the URL of such tabs, so pages are told apart by `location.href`.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../build/browser-manifest';
import { confirmedOrigins } from '../../sandbox/sandbox-config.mjs';
import { LogBuffer, ROOT, cleanupStack, removeLeftovers, sandboxConfig, startSandboxServers } from './harness';
import type { IdpHandle, IdpOptions, LoginOptions, SandboxConfig, StorageAreaName, StsHandle } from './harness';
import { scenarioEnvironment } from './scenario-environment';
import { scenarioPage } from './scenario-page';
import type { ScenarioEnvironment } from './sign-in-scenario';

/** Chromium's redirect URI, registered beside Firefox's so one IdP serves both browsers. */
const CHROMIUM_REDIRECT_URI = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';
/** Firefox names the redirect host after the SHA-1 of the add-on id. */
export const FIREFOX_REDIRECT_URI = `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`;
/** Pinned through the `extensions.webextensions.uuids` preference; random in a real profile. */
export const FIREFOX_EXTENSION_UUID = '6f1d7c4e-2b9a-4c1e-9e0f-3a5b7c9d1e2f';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
export const DEFAULT_FIREFOX_EXTENSION_DIR = path.join(ROOT, 'dist', 'firefox');
const CONTROL_PAGE = 'e2e-control.html';

export interface FirefoxEnvironmentOptions {
  /** The unpacked Firefox build; `dist/firefox` (run `npm run build`) by default. */
  extensionDir?: string;
  /** Written to `storage.local` key `config` before `startFirefoxEnvironment` returns. */
  localConfig?: SandboxConfig | 'sandbox';
  /** `redirectUris` defaults to Firefox's and Chromium's. */
  idp?: IdpOptions;
  /** Start moto (default true). */
  sts?: boolean;
  /** Headless unless false or HEADFUL=1 (needs a display). */
  headless?: boolean;
  /** More Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxEnvironment {
  browser: Browser;
  /** The test copy of the build that was installed (see the file header). */
  extensionDir: string;
  extensionOrigin: string;
  redirectUri: string;
  idp: IdpHandle;
  sts: StsHandle | undefined;
  sandboxConfig(): SandboxConfig;
  /** Runs `fn` in the control page, an extension page with the whole `browser.*` API. */
  evaluateInExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Opens a page of the extension in a new tab, e.g. `popup.html`. */
  openExtensionPage(file: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** As in the Chromium harness: `confirmHosts` (default true) records the user's confirmation of non-AWS hosts. */
  setLocalConfig(config: SandboxConfig | Record<string, unknown>, options?: { confirmHosts?: boolean }): Promise<void>;
  readStorage(area: StorageAreaName): Promise<Record<string, unknown>>;
  readClipboard(): Promise<string>;
  /** Resolves with the next (or an open) window showing an IdP page. */
  waitForAuthWindow(options?: { timeout?: number }): Promise<Page>;
  /** Fills the IdP login form like a person, submits, and waits until the window closes. */
  loginOnIdp(page: Page, login: string, options?: LoginOptions): Promise<void>;
  /** The environment as the shared sign-in scenario sees it. */
  scenario(): ScenarioEnvironment;
  logs(): string;
  close(): Promise<void>;
}

/** Preferences for a test profile: the pinned UUID, clipboard reads, and loopback only. */
function firefoxPrefs(extra: Record<string, string | number | boolean> = {}): Record<string, string | number | boolean> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    // Lets navigator.clipboard.readText() answer without the paste prompt a person would click.
    'dom.events.testing.asyncClipboard': true,
    // Every host but loopback goes to a closed local port and fails at once: no traffic leaves
    // the machine (Firefox never proxies loopback, so the IdP and moto are reached directly).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '',
    ...extra,
  };
}

/** Copies the build and adds the control page and the background script that opens it. */
async function writeTestCopy(buildDir: string, copyDir: string): Promise<void> {
  await cp(buildDir, copyDir, { recursive: true });
  const manifestPath = path.join(copyDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { background?: { scripts?: string[] } };
  if (!manifest.background?.scripts) throw new Error(`${buildDir} is not a Firefox build: its manifest has no background.scripts`);
  manifest.background.scripts.push('e2e-control.js');
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  await writeFile(path.join(copyDir, 'e2e-control.js'), `// Test copy only: opens the page the harness drives the extension from.\nbrowser.runtime.onInstalled.addListener(() => browser.tabs.create({ url: '/${CONTROL_PAGE}' }));\n`);
  await writeFile(path.join(copyDir, CONTROL_PAGE), '<!doctype html><meta charset="utf-8"><title>e2e control</title><p>Driven by the end-to-end harness.</p>\n');
}

/** `location.href` of a page, or '' when it cannot answer (closing, or a browser window). */
async function hrefOf(page: Page): Promise<string> {
  const href = page.evaluate(() => location.href).catch(() => '');
  return Promise.race([href, new Promise<string>((resolve) => setTimeout(() => resolve(''), 2_000))]);
}

async function waitForPage(browser: Browser, what: string, matches: (href: string) => boolean, timeout: number): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const pages = await browser.pages();
    const hrefs = await Promise.all(pages.map(hrefOf));
    const index = hrefs.findIndex(matches);
    if (index !== -1) return pages[index] as Page;
    if (Date.now() > deadline) throw new Error(`no tab showed ${what} within ${timeout} ms (open: ${hrefs.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function loginOnIdp(page: Page, login: string, { password = 'sandbox-password', waitForClose = true, timeout = 15_000 }: LoginOptions = {}): Promise<void> {
  const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
  await page.locator('input[name=login]').setTimeout(timeout).fill(login);
  await page.locator('input[name=password]').setTimeout(timeout).fill(password);
  await page.locator('button[type=submit]').setTimeout(timeout).click().catch((error: unknown) => {
    // The click can race the window closing on the redirect to the extension.
    if (!page.isClosed()) throw error;
  });
  if (!waitForClose) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeout);
  });
  const outcome = await Promise.race([closed.then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    const text = await page.evaluate(() => document.body.innerText).catch(() => '(unreadable)');
    throw new Error(`the login window did not close within ${timeout} ms; it shows:\n${text}`);
  }
}

/** Starts the IdP, moto and Firefox ESR with the extension; see `FirefoxEnvironmentOptions`. */
export async function startFirefoxEnvironment(options: FirefoxEnvironmentOptions = {}): Promise<FirefoxEnvironment> {
  const cleanup = cleanupStack('Firefox e2e environment');
  const log = new LogBuffer();
  const close = () => cleanup.close();

  try {
    removeLeftovers();
    const idpOptions = { redirectUris: [FIREFOX_REDIRECT_URI, CHROMIUM_REDIRECT_URI], ...options.idp };
    const { idp, sts, removeOnExit, killOnExit } = await startSandboxServers(idpOptions, options.sts !== false, log, cleanup);

    const buildDir = options.extensionDir ?? DEFAULT_FIREFOX_EXTENSION_DIR;
    if (!existsSync(path.join(buildDir, 'manifest.json'))) throw new Error(`no extension at ${buildDir}: run \`npm run build\` first`);
    const extensionDir = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-firefox-ext-`));
    cleanup.push(() => rm(extensionDir, { recursive: true, force: true }));
    await removeOnExit(extensionDir);
    await writeTestCopy(buildDir, extensionDir);

    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      headless: options.headless ?? !process.env.HEADFUL,
      extraPrefsFirefox: firefoxPrefs(options.prefs),
    });
    cleanup.push(() => browser.close());
    const pid = browser.process()?.pid;
    if (pid !== undefined) await killOnExit(pid);

    const installedId = await browser.installExtension(extensionDir);
    if (installedId !== GECKO_ID) throw new Error(`installed add-on id ${installedId}, expected ${GECKO_ID}`);
    const controlUrl = `${FIREFOX_EXTENSION_ORIGIN}/${CONTROL_PAGE}`;
    const controlPage = await waitForPage(browser, controlUrl, (href) => href === controlUrl, 15_000);

    const evaluateInExtension = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
      controlPage.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;

    let opened = 0;
    const openExtensionPage = async (file: string) => {
      // A fragment of its own tells this tab from others showing the same page.
      const url = `${FIREFOX_EXTENSION_ORIGIN}/${file}#e2e-${(opened += 1)}`;
      await evaluateInExtension(async (target) => {
        await (globalThis as unknown as { browser: FirefoxApi }).browser.tabs.create({ url: target });
      }, url);
      return waitForPage(browser, file, (href) => href === url, 15_000);
    };
    const storageOf = (area: StorageAreaName) => evaluateInExtension(
      (name) => (globalThis as unknown as { browser: FirefoxApi }).browser.storage[name].get(null),
      area,
    );
    // As in the Chromium harness: stands in for a user who imported the document and confirmed its loopback hosts.
    const setLocalConfig = (config: SandboxConfig | Record<string, unknown>, { confirmHosts = true } = {}) => evaluateInExtension(
      ([value, origins]) => (globalThis as unknown as { browser: FirefoxApi }).browser.storage.local.set({ config: value, ...(origins.length ? { 'trusted-endpoints': origins } : {}) }),
      [config, confirmHosts ? confirmedOrigins(config) : []] as const,
    );
    const isIdpUrl = (href: string) => href.startsWith(`${idp.issuer}/`);
    const waitForAuthWindow = ({ timeout = 15_000 } = {}) => waitForPage(browser, 'an IdP page', isIdpUrl, timeout);

    const env: FirefoxEnvironment = {
      browser,
      extensionDir,
      extensionOrigin: FIREFOX_EXTENSION_ORIGIN,
      redirectUri: FIREFOX_REDIRECT_URI,
      idp,
      sts,
      sandboxConfig: () => sandboxConfig(idp.issuer, sts?.endpoint, idp.clientId),
      evaluateInExtension,
      openExtensionPage,
      openPopup: () => openExtensionPage('popup.html'),
      openOptions: () => openExtensionPage('options.html'),
      setLocalConfig,
      readStorage: storageOf,
      readClipboard: () => evaluateInExtension(() => navigator.clipboard.readText(), undefined),
      waitForAuthWindow,
      loginOnIdp,
      scenario: () => scenarioEnvironment(env, { browserName: 'Firefox', redirectUri: FIREFOX_REDIRECT_URI, scenarioPage: puppeteerScenarioPage }),
      logs: () => log.toString(),
      close,
    };
    if (options.localConfig) await setLocalConfig(options.localConfig === 'sandbox' ? env.sandboxConfig() : options.localConfig);
    return env;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The parts of Firefox's `browser` global the harness calls in the control page. */
interface FirefoxApi {
  tabs: { create(properties: { url: string }): Promise<unknown> };
  storage: Record<StorageAreaName, { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }>;
}

/** A puppeteer page as the scenario's page. */
function puppeteerScenarioPage(page: Page) {
  return scenarioPage({
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.locator(selector).fill(value),
    close: () => page.close(),
  });
}
