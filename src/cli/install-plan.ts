/**
 * What `wic install` writes, per platform, as data: the launcher script the browser runs, one
 * host manifest per browser, and on Windows the registry keys pointing at them. Pure, so every
 * platform is tested here on Linux; `install.ts` carries the plan out.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-location
 * @see https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Native_manifests#manifest_location
 */
import path from 'node:path';
import { chromiumOrigin, GECKO_EXTENSION_ID, NATIVE_HOST_NAME } from '../terminal';

export const BROWSERS = ['chromium', 'chrome', 'edge', 'brave', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

/** The machine the plan is for. */
export interface InstallContext {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The Node binary that runs the host (`process.execPath`). */
  nodePath: string;
  /** The built host, dist/cli/wic-host.js. */
  hostScript: string;
}

export interface InstallChoice {
  browsers: readonly BrowserName[];
  /** Chromium's `--user-data-dir`: the manifest goes into `<dir>/NativeMessagingHosts` alone. */
  userDataDir?: string;
  /** Chromium extension ids allowed to connect, the development id among them. */
  extensionIds: readonly string[];
}

export interface PlannedFile {
  path: string;
  content: string;
  /** POSIX mode; ignored on Windows. */
  mode: number;
}

export interface PlannedManifest extends PlannedFile {
  browser: BrowserName | 'user-data-dir';
  /** The browser's own folder: `install --browser all` skips browsers where it is missing. */
  browserFolder: string;
}

export interface InstallPlan {
  launcher: PlannedFile;
  manifests: PlannedManifest[];
  /** `reg.exe` argument lists, run in order (Windows only). */
  registry: string[][];
}

/** Registry paths under HKCU\Software, Windows only. */
const registryKeys: Record<BrowserName, string> = {
  chrome: 'Google\\Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft\\Edge',
  brave: 'BraveSoftware\\Brave-Browser',
  firefox: 'Mozilla',
};

function paths(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The browser's per-user folder that holds `NativeMessagingHosts` (Linux, macOS). */
export function browserFolder(context: InstallContext, browser: BrowserName): string {
  const { join } = paths(context.platform);
  if (context.platform === 'darwin') {
    const support = join(context.home, 'Library', 'Application Support');
    return join(support, { chromium: 'Chromium', chrome: 'Google/Chrome', edge: 'Microsoft Edge', brave: 'BraveSoftware/Brave-Browser', firefox: 'Mozilla' }[browser]);
  }
  if (browser === 'firefox') return join(context.home, '.mozilla');
  // Chromium-based browsers keep their profile under $XDG_CONFIG_HOME (default ~/.config).
  const config = context.env.XDG_CONFIG_HOME && paths(context.platform).isAbsolute(context.env.XDG_CONFIG_HOME) ? context.env.XDG_CONFIG_HOME : join(context.home, '.config');
  return join(config, { chromium: 'chromium', chrome: 'google-chrome', edge: 'microsoft-edge', brave: 'BraveSoftware/Brave-Browser' }[browser]);
}

/** Where the browser looks for a user-level host manifest (Linux, macOS). */
export function manifestFolder(context: InstallContext, browser: BrowserName): string {
  const { join } = paths(context.platform);
  if (browser === 'firefox' && context.platform !== 'darwin') return join(browserFolder(context, browser), 'native-messaging-hosts');
  return join(browserFolder(context, browser), 'NativeMessagingHosts');
}

/** wic's own folder: the launcher and, on Windows, the manifests. */
export function wicFolder(context: InstallContext): string {
  const { join } = paths(context.platform);
  if (context.platform === 'win32') return join(context.env.LOCALAPPDATA ?? join(context.home, 'AppData', 'Local'), 'wic');
  return join(context.home, '.wic');
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** The script the manifest's `path` names: manifests cannot pass arguments, so it adds them. */
export function launcher(context: InstallContext): PlannedFile {
  const { join } = paths(context.platform);
  if (context.platform === 'win32') {
    // cmd expands %...% even in quotes; doubling keeps a literal percent sign.
    const quote = (value: string): string => `"${value.replaceAll('%', '%%')}"`;
    return { path: join(wicFolder(context), 'wic-host.cmd'), content: `@echo off\r\n${quote(context.nodePath)} ${quote(context.hostScript)} %*\r\n`, mode: 0o755 };
  }
  return { path: join(wicFolder(context), 'bin', 'wic-host'), content: `#!/bin/sh\n# Written by \`wic install\`: the browser starts this for Web Identity Credentials.\nexec ${shellQuote(context.nodePath)} ${shellQuote(context.hostScript)} "$@"\n`, mode: 0o755 };
}

/** The manifest JSON for a Chromium-based browser or for Firefox. */
export function manifestContent(kind: 'chromium' | 'firefox', launcherPath: string, extensionIds: readonly string[]): string {
  const common = { name: NATIVE_HOST_NAME, description: 'Web Identity Credentials: AWS credentials for the terminal (wic)', path: launcherPath, type: 'stdio' };
  const manifest = kind === 'firefox' ? { ...common, allowed_extensions: [GECKO_EXTENSION_ID] } : { ...common, allowed_origins: [...new Set(extensionIds)].map(chromiumOrigin) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `reg add` setting a browser's key to the manifest path. */
export function registryAdd(browser: BrowserName, manifestPath: string): string[] {
  return ['add', `HKCU\\Software\\${registryKeys[browser]}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f'];
}

/** `reg delete` removing what {@link registryAdd} set. */
export function registryDelete(browser: BrowserName): string[] {
  return ['delete', `HKCU\\Software\\${registryKeys[browser]}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`, '/f'];
}

/** Everything `wic install` writes for `choice`. */
export function installPlan(context: InstallContext, choice: InstallChoice): InstallPlan {
  const { join } = paths(context.platform);
  const script = launcher(context);
  const fileName = `${NATIVE_HOST_NAME}.json`;
  if (choice.userDataDir !== undefined) {
    const folder = join(choice.userDataDir, 'NativeMessagingHosts');
    return { launcher: script, manifests: [{ browser: 'user-data-dir', browserFolder: choice.userDataDir, path: join(folder, fileName), content: manifestContent('chromium', script.path, choice.extensionIds), mode: 0o644 }], registry: [] };
  }
  if (context.platform === 'win32') {
    // One manifest per kind in wic's folder; each browser's registry key points at its kind.
    const manifestOf = (browser: BrowserName): string => join(wicFolder(context), `${NATIVE_HOST_NAME}.${browser === 'firefox' ? 'firefox' : 'chromium'}.json`);
    const kinds = [...new Set(choice.browsers.map((browser) => (browser === 'firefox' ? 'firefox' : 'chromium') as 'firefox' | 'chromium'))];
    return {
      launcher: script,
      manifests: kinds.map((kind) => ({ browser: kind === 'firefox' ? 'firefox' : 'chromium', browserFolder: wicFolder(context), path: manifestOf(kind === 'firefox' ? 'firefox' : 'chromium'), content: manifestContent(kind, script.path, choice.extensionIds), mode: 0o644 })),
      registry: choice.browsers.map((browser) => registryAdd(browser, manifestOf(browser))),
    };
  }
  return {
    launcher: script,
    manifests: choice.browsers.map((browser) => ({
      browser,
      browserFolder: browserFolder(context, browser),
      path: join(manifestFolder(context, browser), fileName),
      content: manifestContent(browser === 'firefox' ? 'firefox' : 'chromium', script.path, choice.extensionIds),
      mode: 0o644,
    })),
    registry: [],
  };
}
