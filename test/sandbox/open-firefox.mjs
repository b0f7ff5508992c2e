// `npm start -- --browser firefox`: Firefox (ESR or release) with the Firefox build installed as a
// temporary add-on over WebDriver BiDi (puppeteer-core), its configuration written, and the popup
// open in a tab.
//
// BiDi cannot open a moz-extension:// page, nor reach the add-on's background. So, as in the
// end-to-end harness (test/e2e/firefox-harness.ts), Firefox gets a copy of the build with one more
// background script: it opens the popup in a tab on install, and that tab, an extension page,
// writes the configuration. The add-on's UUID is pinned so the popup's URL is known.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { confirmedOrigins } from './sandbox-config.mjs';

const EXTENSION_UUID = '0f5e5c1a-5a2d-4d8e-9c41-3b1f0d6a7e20';
const OPENER = 'sandbox-open-popup.js';

/** The gecko id of the Firefox build in `extensionDir`; throws when it is not one. */
async function geckoIdOf(extensionDir) {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id || !manifest.background?.scripts) throw new Error(`${extensionDir} is not a Firefox build (run \`npm run build\`, it writes dist/firefox)`);
  return id;
}

/** Firefox's redirect URI for the build in `extensionDir`: named after the SHA-1 of its add-on id. */
export async function firefoxRedirectUri(extensionDir) {
  return `https://${createHash('sha1').update(await geckoIdOf(extensionDir)).digest('hex')}.extensions.allizom.org/`;
}

/** `location.href` of a page, or '' while it cannot answer (puppeteer names extension tabs about:blank). */
async function hrefOf(page) {
  return Promise.race([page.evaluate(() => location.href).catch(() => ''), new Promise((resolve) => setTimeout(() => resolve(''), 2_000))]);
}

async function waitForTab(browser, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pages = await browser.pages();
    const hrefs = await Promise.all(pages.map(hrefOf));
    const index = hrefs.indexOf(url);
    if (index !== -1) return pages[index];
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Opens Firefox at `executablePath` with the Firefox build in `extensionDir`, writes `config` to
 * its `storage.local`, and shows the popup.
 * @param {{ executablePath: string, extensionDir: string, headless: boolean, config: object }} options
 */
export async function openFirefox({ executablePath, extensionDir, headless, config }) {
  const geckoId = await geckoIdOf(extensionDir);
  const copyDir = await mkdtemp(path.join(tmpdir(), 'wic-sandbox-firefox-ext-'));
  const removeCopy = () => rm(copyDir, { recursive: true, force: true });
  let browser;
  const close = async () => {
    // The user may have closed Firefox already.
    if (browser?.connected) await browser.close();
    await removeCopy();
  };

  try {
    await cp(extensionDir, copyDir, { recursive: true });
    const manifestPath = path.join(copyDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.background.scripts.push(OPENER);
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
    await writeFile(path.join(copyDir, OPENER), "// npm start only: shows the popup in a tab.\nbrowser.runtime.onInstalled.addListener(() => browser.tabs.create({ url: '/popup.html' }));\n");

    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      defaultViewport: null,
      // We stop the browser ourselves, after which the IdP, STS and the copy go too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) },
    }).catch((error) => {
      throw new Error(`${executablePath} did not start: ${error.message.split('\n')[0]}`, { cause: error });
    });
    await browser.installExtension(copyDir);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    const popup = await waitForTab(browser, `${origin}/popup.html`, 15_000);
    // The popup renders again on storage.onChanged.
    // The user's confirmation of the sandbox's loopback STS, as the options page would record it.
    await popup.evaluate(([value, trusted]) => globalThis.browser.storage.local.set({ config: value, 'trusted-endpoints': trusted }), [config, confirmedOrigins(config)]);

    return {
      origin,
      popupUrl: `${origin}/popup.html`,
      readConfig: async () => (await popup.evaluate(() => globalThis.browser.storage.local.get('config'))).config,
      title: () => popup.title(),
      screenshot: async (file) => {
        await popup.waitForFunction(() => !/Loading/.test(document.body?.innerText ?? ''), { timeout: 10_000 }).catch(() => undefined);
        await popup.screenshot({ path: file });
      },
      onClose: (listener) => browser.once('disconnected', listener),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
