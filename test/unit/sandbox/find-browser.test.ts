import { BrowserNotFoundError, findBrowser } from '../../../test/sandbox/find-browser.mjs';
import type { BrowserLookup } from '../../../test/sandbox/find-browser.mjs';

/** A machine on which exactly `installed` exist, recording every path the lookup checks. */
function machine(platform: string, installed: string[], env: Record<string, string | undefined> = {}) {
  const checked: string[] = [];
  const lookup = (family: BrowserLookup['family']) => findBrowser({
    family,
    platform,
    env,
    exists: (file) => {
      checked.push(file);
      return installed.includes(file);
    },
  });
  return { lookup, checked };
}

const windowsEnv = {
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
};

describe('findBrowser, Chromium family', () => {
  it.each([
    ['linux', '/usr/bin/chromium', 'Chromium', {}],
    ['linux', '/usr/bin/google-chrome-stable', 'Google Chrome', {}],
    ['linux', '/opt/microsoft/msedge/msedge', 'Microsoft Edge', {}],
    ['linux', '/usr/bin/brave-browser', 'Brave', {}],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'Google Chrome', { HOME: '/Users/ana' }],
    ['darwin', '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium', 'Chromium', { HOME: '/Users/ana' }],
    ['darwin', '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', 'Brave', { HOME: '/Users/ana' }],
    ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'Google Chrome', windowsEnv],
    ['win32', 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'Google Chrome', windowsEnv],
    ['win32', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'Microsoft Edge', windowsEnv],
    ['freebsd', '/usr/bin/chromium', 'Chromium', {}],
  ])('on %s finds %s, named %s', (platform, file, name, env) => {
    expect(machine(platform, [file], env).lookup('chromium')).toEqual({ name, executablePath: file });
  });

  it('prefers Chromium, then Google Chrome, then Edge, then Brave', () => {
    const all = ['/usr/bin/brave-browser', '/usr/bin/microsoft-edge', '/usr/bin/google-chrome', '/usr/bin/chromium'];
    expect(machine('linux', all).lookup('chromium').name).toBe('Chromium');
    expect(machine('linux', all.slice(0, 3)).lookup('chromium').name).toBe('Google Chrome');
    expect(machine('linux', all.slice(0, 2)).lookup('chromium').name).toBe('Microsoft Edge');
    expect(machine('win32', [
      'C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ], windowsEnv).lookup('chromium').name).toBe('Microsoft Edge');
  });

  it('takes CHROMIUM_PATH over every installed browser, and refuses one that does not exist', () => {
    const env = { CHROMIUM_PATH: '/opt/custom/chrome' };
    const { lookup, checked } = machine('linux', ['/usr/bin/chromium', '/opt/custom/chrome'], env);
    expect(lookup('chromium')).toEqual({ name: 'the browser CHROMIUM_PATH names', executablePath: '/opt/custom/chrome' });
    expect(checked).toEqual(['/opt/custom/chrome']);

    expect(() => machine('linux', ['/usr/bin/chromium'], env).lookup('chromium'))
      .toThrow('CHROMIUM_PATH names /opt/custom/chrome, which does not exist.');
  });

  it('says which paths it tried and how to install a browser when none is there', () => {
    const { lookup, checked } = machine('darwin', [], { HOME: '/Users/ana' });
    let error: unknown;
    try {
      lookup('chromium');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toMatch(/^No Chromium-family browser \(Chromium, Google Chrome, Microsoft Edge or Brave\) found\. Tried:\n/);
    for (const file of checked) expect(message).toContain(`\n  ${file}\n`);
    expect(checked).toHaveLength(8);
    expect(message).toContain('https://www.google.com/chrome/');
    expect(message).toContain('set CHROMIUM_PATH');
    expect(message).toContain('npm start -- --browser firefox');
  });

  it('on Windows looks only under the folders the environment names', () => {
    const { lookup, checked } = machine('win32', [], { PROGRAMFILES: 'D:\\Apps' });
    expect(() => lookup('chromium')).toThrow(BrowserNotFoundError);
    expect(checked).toEqual([
      'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps\\Microsoft\\Edge\\Application\\msedge.exe',
      'D:\\Apps\\BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    ]);
  });
});

describe('findBrowser, Firefox', () => {
  it.each([
    ['linux', '/usr/bin/firefox-esr', 'Firefox ESR'],
    ['linux', '/usr/bin/firefox', 'Firefox'],
    ['darwin', '/Applications/Firefox.app/Contents/MacOS/firefox', 'Firefox'],
    ['win32', 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', 'Firefox'],
  ])('on %s finds %s, named %s', (platform, file, name) => {
    expect(machine(platform, [file], windowsEnv).lookup('firefox')).toEqual({ name, executablePath: file });
  });

  it('prefers ESR, takes FIREFOX_PATH over both, and ignores CHROMIUM_PATH', () => {
    const installed = ['/usr/bin/firefox', '/usr/bin/firefox-esr', '/opt/firefox/firefox'];
    expect(machine('linux', installed, { CHROMIUM_PATH: '/usr/bin/chromium' }).lookup('firefox').name).toBe('Firefox ESR');
    expect(machine('linux', installed, { FIREFOX_PATH: '/opt/firefox/firefox' }).lookup('firefox').executablePath).toBe('/opt/firefox/firefox');
  });

  it('says how to install Firefox when it is missing', () => {
    expect(() => machine('linux', []).lookup('firefox')).toThrow(
      'No Firefox (ESR or release) found. Tried:\n  /usr/bin/firefox-esr\n  /usr/bin/firefox\n  /usr/lib/firefox/firefox\n'
      + 'Install it, e.g. `sudo apt-get install firefox-esr` (Debian) or from https://www.mozilla.org/firefox/, or set FIREFOX_PATH to a browser\'s executable.',
    );
  });
});
