// `npm start`: the sandbox IdP, moto and Chromium with the built extension, configured to use
// them, for trying the extension by hand. Options:
//   --headless           no window (for machines without a display)
//   --exit-after-ready   stop again once everything is up (a smoke test of this script)
//   --extension <dir>    the unpacked extension (default dist/chrome)
//   --screenshot <file>  save a PNG of the popup once ready
//   --idp-port <n>, --sts-port <n>   fixed ports instead of free ones
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { parseArgs } from './child.mjs';
import { chromiumFlags } from './chromium-flags.mjs';
import { startIdp } from './idp.mjs';
import { startSts } from './sts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSION_ID = 'pphpgldbnphjbnncbdmijojinkfahdin';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

const args = parseArgs();
const headless = Boolean(args.headless);
const extensionDir = path.resolve(typeof args.extension === 'string' ? args.extension : path.join(ROOT, 'dist', 'chrome'));

const cleanups = [];
let stopping;
function stop(code) {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error) => console.error('cleanup:', error.message));
    }
    process.exit(code);
  })();
  return stopping;
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

function sandboxConfig(issuer, stsEndpoint) {
  return {
    providers: [{ id: 'sandbox', name: 'Sandbox IdP', issuer, clientId: 'web-identity-credentials', scopes: 'openid offline_access' }],
    profiles: [{
      id: 'dev',
      name: 'Sandbox developer',
      provider: 'sandbox',
      roleArn: 'arn:aws:iam::123456789012:role/Developer',
      region: 'us-east-1',
      durationSeconds: 3600,
      stsEndpoint,
    }],
  };
}

async function main() {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  }
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('no display: run with --headless (npm start -- --headless), or under xvfb-run');
  }

  const [idp, sts] = await Promise.all([
    startIdp({ port: args['idp-port'] ? Number(args['idp-port']) : 0 }),
    startSts({ port: args['sts-port'] ? Number(args['sts-port']) : undefined }),
  ]);
  cleanups.push(idp.close, sts.close);

  const profileDir = await mkdtemp(path.join(tmpdir(), 'wic-sandbox-profile-'));
  cleanups.push(() => rm(profileDir, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless,
    viewport: null,
    // We stop the browser ourselves, after which the IdP, moto and the profile dir go too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: chromiumFlags([extensionDir]),
  }).catch((error) => {
    throw new Error(`Chromium did not start: ${error.message.split('\n')[0]}`, { cause: error });
  });
  cleanups.push(() => context.close());

  const isOurs = (worker) => worker.url().startsWith(`${EXTENSION_ORIGIN}/`);
  const worker = context.serviceWorkers().find(isOurs)
    ?? await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  const config = sandboxConfig(idp.issuer, sts.endpoint);
  // eslint-disable-next-line no-undef -- `chrome` exists in the service worker this runs in.
  await worker.evaluate((value) => chrome.storage.local.set({ config: value }), config);

  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/popup.html`);

  console.log(`
Sandbox ready.
  IdP          ${idp.issuer}   (any login name, any password)
  STS (moto)   ${sts.endpoint}
  Extension    ${EXTENSION_ORIGIN}  from ${path.relative(ROOT, extensionDir) || '.'}
  Config       storage.local "config": provider "sandbox", profile "dev" (${config.profiles[0].roleArn})
  Popup        ${EXTENSION_ORIGIN}/popup.html (open in a tab)

Sign in from the popup and log in on the IdP with any name and password.
Stop with Ctrl-C${headless ? '' : ' or by closing the browser'}.`);

  if (typeof args.screenshot === 'string') {
    // The first storage.managed read waits ~3 s after launch, so the popup starts on "Loading…".
    await page.waitForFunction(() => !/Loading/.test(document.body?.innerText ?? ''), null, { timeout: 10_000 }).catch(() => undefined);
    await page.screenshot({ path: args.screenshot });
    console.log(`Popup screenshot: ${args.screenshot}`);
  }
  if (args['exit-after-ready']) {
    // eslint-disable-next-line no-undef -- `chrome` exists in the service worker this runs in.
    const stored = await worker.evaluate(() => chrome.storage.local.get('config'));
    // Chromium stores objects with sorted keys, so compare structurally.
    if (!isDeepStrictEqual(stored.config, config)) throw new Error(`the config did not reach storage.local: ${JSON.stringify(stored)}`);
    console.log(`Popup title: ${JSON.stringify(await page.title())}. Exiting (--exit-after-ready).`);
    return stop(0);
  }
  context.once('close', () => stop(0));
  return undefined;
}

main().catch((error) => {
  console.error(error.message);
  return stop(1);
});
