// `npm start`: the sandbox IdP, an STS (moto when installed, else the sandbox's own stand-in) and
// an installed browser with the built extension, configured to use them, for trying the
// extension by hand. Options:
//   --browser firefox    Firefox (ESR or release) with dist/firefox, instead of a Chromium-family
//                        browser with dist/chrome
//   --headless           no window (for machines without a display)
//   --exit-after-ready   stop again once everything is up (a smoke test of this script)
//   --extension <dir>    the unpacked extension (default dist/chrome, or dist/firefox)
//   --screenshot <file>  save a PNG of the popup once ready
//   --idp-port <n>, --sts-port <n>   fixed ports instead of free ones
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from './child.mjs';
import { findBrowser } from './find-browser.mjs';
import { CHROMIUM_REDIRECT_URI, startIdp } from './idp.mjs';
import { openChromium } from './open-chromium.mjs';
import { firefoxRedirectUri, openFirefox } from './open-firefox.mjs';
import { sandboxConfig } from './sandbox-config.mjs';
import { startSts } from './sts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const args = parseArgs();
const headless = Boolean(args.headless);
const family = args.browser ?? 'chromium';

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

async function main() {
  if (family !== 'chromium' && family !== 'firefox') throw new Error(`--browser ${family}: use chromium (the default) or firefox`);
  const browser = findBrowser({ family, platform: process.platform, env: process.env, exists: existsSync });
  const extensionDir = path.resolve(typeof args.extension === 'string' ? args.extension : path.join(ROOT, 'dist', family === 'firefox' ? 'firefox' : 'chrome'));
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
  }
  // Only X11 and Wayland systems can lack a display; macOS and Windows always have one.
  const needsDisplay = process.platform !== 'darwin' && process.platform !== 'win32';
  if (!headless && needsDisplay && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('no display: run with --headless (npm start -- --headless), or under xvfb-run');
  }

  const redirectUri = family === 'firefox' ? await firefoxRedirectUri(extensionDir) : CHROMIUM_REDIRECT_URI;
  const idp = await startIdp({ port: args['idp-port'] ? Number(args['idp-port']) : 0, redirectUris: [redirectUri] });
  cleanups.push(idp.close);
  const sts = await startSts({
    port: args['sts-port'] ? Number(args['sts-port']) : undefined,
    trust: { issuer: idp.issuer, audiences: [idp.clientId] },
  });
  cleanups.push(sts.close);

  const config = sandboxConfig(idp.issuer, sts);
  const open = family === 'firefox' ? openFirefox : openChromium;
  const opened = await open({ executablePath: browser.executablePath, extensionDir, headless, config });
  cleanups.push(opened.close);

  const stsLine = sts.kind === 'moto'
    ? `STS (moto)   ${sts.endpoint}`
    : `STS          ${sts.endpoint}   a stand-in served by this sandbox, NOT AWS (moto_server is not installed)`;
  console.log(`
Sandbox ready.
  Browser      ${browser.name}   ${browser.executablePath}
  IdP          ${idp.issuer}   (any login name, any password)
  ${stsLine}
  Extension    ${opened.origin}  from ${path.relative(ROOT, extensionDir) || '.'}
  Config       storage.local "config": provider "sandbox", profile "dev" (${config.profiles[0].roleArn})
  Popup        ${opened.popupUrl} (open in a tab)

Sign in from the popup and log in on the IdP with any name and password.
Stop with Ctrl-C${headless ? '' : ' or by closing the browser'}.`);

  if (typeof args.screenshot === 'string') {
    await opened.screenshot(args.screenshot);
    console.log(`Popup screenshot: ${args.screenshot}`);
  }
  if (args['exit-after-ready']) {
    const stored = await opened.readConfig();
    // Chromium stores objects with sorted keys, so compare structurally.
    if (!isDeepStrictEqual(stored, config)) throw new Error(`the config did not reach storage.local: ${JSON.stringify(stored)}`);
    console.log(`Popup title: ${JSON.stringify(await opened.title())}. Exiting (--exit-after-ready).`);
    return stop(0);
  }
  opened.onClose(() => stop(0));
  return undefined;
}

main().catch((error) => {
  console.error(error.message);
  return stop(1);
});
