import type { InstallContext } from '../../../src/cli/install-plan';
import { BROWSERS, installPlan, launcher, manifestContent, registryDelete } from '../../../src/cli/install-plan';

const linux: InstallContext = { platform: 'linux', home: '/home/ada', env: {}, nodePath: '/usr/bin/node', hostScript: '/opt/wic/dist/cli/wic-host.js' };
const mac: InstallContext = { ...linux, platform: 'darwin', home: '/Users/ada' };
const windows: InstallContext = { platform: 'win32', home: 'C:\\Users\\ada', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, nodePath: 'C:\\Program Files\\nodejs\\node.exe', hostScript: 'C:\\wic\\dist\\cli\\wic-host.js' };
const dev = ['pphpgldbnphjbnncbdmijojinkfahdin'];

const manifestPaths = (context: InstallContext) => installPlan(context, { browsers: BROWSERS, extensionIds: dev }).manifests.map((manifest) => [manifest.browser, manifest.path]);

it('puts the manifests where each browser looks on Linux', () => {
  expect(manifestPaths(linux)).toEqual([
    ['chromium', '/home/ada/.config/chromium/NativeMessagingHosts/com.web_identity_credentials.wic.json'],
    ['chrome', '/home/ada/.config/google-chrome/NativeMessagingHosts/com.web_identity_credentials.wic.json'],
    ['edge', '/home/ada/.config/microsoft-edge/NativeMessagingHosts/com.web_identity_credentials.wic.json'],
    ['brave', '/home/ada/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.web_identity_credentials.wic.json'],
    ['firefox', '/home/ada/.mozilla/native-messaging-hosts/com.web_identity_credentials.wic.json'],
  ]);
});

it('honours $XDG_CONFIG_HOME for the Chromium family on Linux', () => {
  expect(installPlan({ ...linux, env: { XDG_CONFIG_HOME: '/cfg' } }, { browsers: ['chrome'], extensionIds: dev }).manifests[0]?.path).toBe('/cfg/google-chrome/NativeMessagingHosts/com.web_identity_credentials.wic.json');
});

it('puts the manifests where each browser looks on macOS', () => {
  const support = '/Users/ada/Library/Application Support';
  expect(manifestPaths(mac)).toEqual([
    ['chromium', `${support}/Chromium/NativeMessagingHosts/com.web_identity_credentials.wic.json`],
    ['chrome', `${support}/Google/Chrome/NativeMessagingHosts/com.web_identity_credentials.wic.json`],
    ['edge', `${support}/Microsoft Edge/NativeMessagingHosts/com.web_identity_credentials.wic.json`],
    ['brave', `${support}/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.web_identity_credentials.wic.json`],
    ['firefox', `${support}/Mozilla/NativeMessagingHosts/com.web_identity_credentials.wic.json`],
  ]);
});

it('writes one manifest per kind on Windows and points each browser\'s registry key at it', () => {
  const plan = installPlan(windows, { browsers: BROWSERS, extensionIds: dev });
  const folder = 'C:\\Users\\ada\\AppData\\Local\\wic';
  expect(plan.manifests.map((manifest) => manifest.path)).toEqual([`${folder}\\com.web_identity_credentials.wic.chromium.json`, `${folder}\\com.web_identity_credentials.wic.firefox.json`]);
  const chromium = `${folder}\\com.web_identity_credentials.wic.chromium.json`;
  expect(plan.registry).toEqual([
    ['add', 'HKCU\\Software\\Chromium\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/ve', '/t', 'REG_SZ', '/d', chromium, '/f'],
    ['add', 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/ve', '/t', 'REG_SZ', '/d', chromium, '/f'],
    ['add', 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/ve', '/t', 'REG_SZ', '/d', chromium, '/f'],
    ['add', 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/ve', '/t', 'REG_SZ', '/d', chromium, '/f'],
    ['add', 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/ve', '/t', 'REG_SZ', '/d', `${folder}\\com.web_identity_credentials.wic.firefox.json`, '/f'],
  ]);
  expect(registryDelete('edge')).toEqual(['delete', 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts\\com.web_identity_credentials.wic', '/f']);
});

it('writes only into <dir>/NativeMessagingHosts for --user-data-dir', () => {
  const plan = installPlan(linux, { browsers: BROWSERS, userDataDir: '/tmp/profile', extensionIds: dev });
  expect(plan.manifests.map((manifest) => manifest.path)).toEqual(['/tmp/profile/NativeMessagingHosts/com.web_identity_credentials.wic.json']);
  expect(plan.registry).toEqual([]);
});

it('lets the extension ids and the gecko id in, and names the launcher', () => {
  expect(JSON.parse(manifestContent('chromium', '/home/ada/.wic/bin/wic-host', [...dev, 'abcdefghijklmnopabcdefghijklmnop', ...dev]))).toEqual({
    name: 'com.web_identity_credentials.wic',
    description: expect.any(String),
    path: '/home/ada/.wic/bin/wic-host',
    type: 'stdio',
    allowed_origins: ['chrome-extension://pphpgldbnphjbnncbdmijojinkfahdin/', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/'],
  });
  expect(JSON.parse(manifestContent('firefox', '/l', dev))).toMatchObject({ allowed_extensions: ['wic@web-identity-credentials'], path: '/l' });
});

it('writes a launcher that execs this Node with the host, quoted', () => {
  expect(launcher({ ...linux, hostScript: "/opt/it's/wic-host.js" })).toEqual({
    path: '/home/ada/.wic/bin/wic-host',
    content: "#!/bin/sh\n# Written by `wic install`: the browser starts this for Web Identity Credentials.\nexec '/usr/bin/node' '/opt/it'\\''s/wic-host.js' \"$@\"\n",
    mode: 0o755,
  });
  expect(launcher({ ...windows, hostScript: 'C:\\100%\\wic-host.js' })).toEqual({
    path: 'C:\\Users\\ada\\AppData\\Local\\wic\\wic-host.cmd',
    content: '@echo off\r\n"C:\\Program Files\\nodejs\\node.exe" "C:\\100%%\\wic-host.js" %*\r\n',
    mode: 0o755,
  });
});
