// `npm start` in a Chromium-family browser (Chromium, Google Chrome, Edge, Brave): a fresh
// profile with the extension loaded, its configuration written, and the popup open in a tab.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { quietFlags } from './chromium-flags.mjs';
import { confirmedOrigins } from './sandbox-config.mjs';

/**
 * Opens the browser at `executablePath` with the unpacked extension in `extensionDir`, writes
 * `config` to its `storage.local`, and shows the popup.
 * @param {{ executablePath: string, extensionDir: string, headless: boolean, config: object }} options
 */
export async function openChromium({ executablePath, extensionDir, headless, config }) {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'wic-sandbox-profile-'));
  const removeProfile = () => rm(profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless,
    viewport: null,
    // We stop the browser ourselves, after which the IdP, STS and the profile dir go too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Playwright starts Chromium with extensions off; with it, the extension below loads but never runs.
    ignoreDefaultArgs: ['--disable-extensions'],
    // Google Chrome ignores --load-extension since version 137; every Chromium-family browser
    // loads an unpacked extension over the DevTools protocol when started with this flag. Only
    // this process speaks that protocol: Playwright connects over a pipe, not a port.
    args: [...quietFlags, '--enable-unsafe-extension-debugging'],
  }).catch(async (error) => {
    await removeProfile();
    throw new Error(`${executablePath} did not start: ${error.message.split('\n')[0]}`, { cause: error });
  });
  const close = async () => {
    await context.close();
    await removeProfile();
  };

  try {
    const session = await context.browser().newBrowserCDPSession();
    const { id } = await session.send('Extensions.loadUnpacked', { path: extensionDir }).catch((error) => {
      throw new Error(`${executablePath} did not load the extension: ${error.message.split('\n')[0]}`, { cause: error });
    });
    const origin = `chrome-extension://${id}`;
    const isOurs = (worker) => worker.url().startsWith(`${origin}/`);
    const worker = context.serviceWorkers().find(isOurs)
      ?? await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
    // The user's confirmation of the sandbox's loopback STS, as the options page would record it.
    // eslint-disable-next-line no-undef -- `chrome` exists in the service worker this runs in.
    await worker.evaluate(([value, trusted]) => chrome.storage.local.set({ config: value, 'trusted-endpoints': trusted }), [config, confirmedOrigins(config)]);
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(`${origin}/popup.html`);

    return {
      origin,
      popupUrl: `${origin}/popup.html`,
      // eslint-disable-next-line no-undef -- `chrome` exists in the service worker this runs in.
      readConfig: async () => (await worker.evaluate(() => chrome.storage.local.get('config'))).config,
      title: () => page.title(),
      screenshot: async (file) => {
        // The first storage.managed read waits ~3 s after launch, so the popup starts on "Loading…".
        await page.waitForFunction(() => !/Loading/.test(document.body?.innerText ?? ''), null, { timeout: 10_000 }).catch(() => undefined);
        await page.screenshot({ path: file });
      },
      onClose: (listener) => context.once('close', listener),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
