// Finds the browser `npm start` opens, on a newcomer's own machine: the first installed one of
// each family at its usual install path on Linux, macOS and Windows, unless the environment names
// one. Pure: the platform, the environment and the file check come in, so tests fake them.
import path from 'node:path';

const CHROMIUM_FAMILY = {
  linux: [
    ['Chromium', ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']],
    ['Google Chrome', ['/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/opt/google/chrome/chrome']],
    ['Microsoft Edge', ['/usr/bin/microsoft-edge-stable', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge']],
    ['Brave', ['/usr/bin/brave-browser', '/usr/bin/brave-browser-stable', '/opt/brave.com/brave/brave', '/snap/bin/brave']],
  ],
  darwin: [
    ['Chromium', macApp('Chromium')],
    ['Google Chrome', macApp('Google Chrome')],
    ['Microsoft Edge', macApp('Microsoft Edge')],
    ['Brave', macApp('Brave Browser')],
  ],
  win32: [
    ['Chromium', windowsApp(['LOCALAPPDATA'], 'Chromium\\Application\\chrome.exe')],
    ['Google Chrome', windowsApp(['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'], 'Google\\Chrome\\Application\\chrome.exe')],
    ['Microsoft Edge', windowsApp(['PROGRAMFILES(X86)', 'PROGRAMFILES', 'LOCALAPPDATA'], 'Microsoft\\Edge\\Application\\msedge.exe')],
    ['Brave', windowsApp(['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'], 'BraveSoftware\\Brave-Browser\\Application\\brave.exe')],
  ],
};

const FIREFOX = {
  linux: [['Firefox ESR', ['/usr/bin/firefox-esr']], ['Firefox', ['/usr/bin/firefox', '/usr/lib/firefox/firefox']]],
  darwin: [['Firefox', macApp('Firefox', 'firefox')]],
  win32: [['Firefox', windowsApp(['PROGRAMFILES', 'PROGRAMFILES(X86)'], 'Mozilla Firefox\\firefox.exe')]],
};

/** What each family is called, which variable overrides the lookup, and how to install one. */
const FAMILIES = {
  chromium: {
    label: 'Chromium-family browser (Chromium, Google Chrome, Microsoft Edge or Brave)',
    variable: 'CHROMIUM_PATH',
    candidates: CHROMIUM_FAMILY,
    install: {
      linux: 'Install one, e.g. `sudo apt-get install chromium` (Debian, Ubuntu) or Google Chrome from https://www.google.com/chrome/',
      darwin: 'Install one, e.g. Google Chrome from https://www.google.com/chrome/ or `brew install --cask chromium`',
      win32: 'Install one, e.g. Google Chrome from https://www.google.com/chrome/ (Edge comes with Windows)',
    },
  },
  firefox: {
    label: 'Firefox (ESR or release)',
    variable: 'FIREFOX_PATH',
    candidates: FIREFOX,
    install: {
      linux: 'Install it, e.g. `sudo apt-get install firefox-esr` (Debian) or from https://www.mozilla.org/firefox/',
      darwin: 'Install it from https://www.mozilla.org/firefox/ or with `brew install --cask firefox`',
      win32: 'Install it from https://www.mozilla.org/firefox/',
    },
  },
};

/** Both places macOS installs apps: for all users, and for one. */
function macApp(app, binary = app) {
  return (env) => [`/Applications/${app}.app/Contents/MacOS/${binary}`, ...(env.HOME ? [`${env.HOME}/Applications/${app}.app/Contents/MacOS/${binary}`] : [])];
}

/**
 * Under each of the Windows folders named by `variables` (Program Files, the per-user
 * LocalAppData) that the environment sets. Windows itself matches variable names in any case;
 * the names here are the ones `process.env` answers to.
 */
function windowsApp(variables, relative) {
  return (env) => variables.filter((name) => env[name]).map((name) => path.win32.join(env[name], relative));
}

/** Thrown when no browser of the family is installed; the message says what was tried and what to do. */
export class BrowserNotFoundError extends Error {
  name = 'BrowserNotFoundError';
}

/**
 * The browser `npm start` should open.
 * @param {object} options
 * @param {'chromium' | 'firefox'} options.family
 * @param {string} options.platform `process.platform`; others than linux, darwin and win32 are searched like linux.
 * @param {Record<string, string | undefined>} options.env `process.env`: `CHROMIUM_PATH` / `FIREFOX_PATH` win over the lookup.
 * @param {(file: string) => boolean} options.exists
 * @returns {{ name: string, executablePath: string }}
 * @throws {BrowserNotFoundError}
 */
export function findBrowser({ family, platform, env, exists }) {
  const { label, variable, candidates, install } = FAMILIES[family];
  const known = platform in candidates ? platform : 'linux';
  const chosen = env[variable];
  if (chosen) {
    if (exists(chosen)) return { name: `the browser ${variable} names`, executablePath: chosen };
    throw new BrowserNotFoundError(`${variable} names ${chosen}, which does not exist. Point it at the browser's executable, or unset it to look in the usual places.`);
  }
  const tried = [];
  for (const [name, paths] of candidates[known]) {
    for (const executablePath of typeof paths === 'function' ? paths(env) : paths) {
      if (exists(executablePath)) return { name, executablePath };
      tried.push(executablePath);
    }
  }
  const alternative = family === 'chromium' ? '\nOr run the sandbox in Firefox: npm start -- --browser firefox' : '';
  throw new BrowserNotFoundError(
    `No ${label} found. Tried:\n${tried.map((file) => `  ${file}`).join('\n')}\n`
    + `${install[known]}, or set ${variable} to a browser's executable.${alternative}`,
  );
}
