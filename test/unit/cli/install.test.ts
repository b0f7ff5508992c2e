import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { install, uninstall } from '../../../src/cli/install';
import type { InstallContext } from '../../../src/cli/install-plan';
import { BROWSERS } from '../../../src/cli/install-plan';

let home: string;
let context: InstallContext;
const extensionIds = ['pphpgldbnphjbnncbdmijojinkfahdin'];

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'wic-install-'));
  context = { platform: 'linux', home, env: {}, nodePath: process.execPath, hostScript: path.join(home, 'wic-host.js') };
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

it('installs for the browsers it finds, skips the others, and uninstalls it all', () => {
  mkdirSync(path.join(home, '.config', 'chromium'), { recursive: true });
  mkdirSync(path.join(home, '.mozilla'));
  const report = install(context, { browsers: BROWSERS, extensionIds }, false);
  const chromium = path.join(home, '.config/chromium/NativeMessagingHosts/com.web_identity_credentials.wic.json');
  const firefox = path.join(home, '.mozilla/native-messaging-hosts/com.web_identity_credentials.wic.json');
  expect(existsSync(chromium)).toBe(true);
  expect(existsSync(firefox)).toBe(true);
  expect(existsSync(path.join(home, '.config/google-chrome'))).toBe(false);
  expect(report.filter((line) => line.startsWith('Skipped'))).toHaveLength(3);
  const launcherPath = path.join(home, '.wic/bin/wic-host');
  expect(JSON.parse(readFileSync(chromium, 'utf8')).path).toBe(launcherPath);
  expect(statSync(launcherPath).mode & 0o777).toBe(0o755);

  uninstall(context, { browsers: BROWSERS, extensionIds });
  expect([chromium, firefox, launcherPath, path.join(home, '.wic')].filter(existsSync)).toEqual([]);
});

it('creates the folder of a browser named explicitly', () => {
  install(context, { browsers: ['brave'], extensionIds }, true);
  expect(existsSync(path.join(home, '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/com.web_identity_credentials.wic.json'))).toBe(true);
});

it('writes a launcher that really starts the host script with its arguments', () => {
  install(context, { browsers: ['chromium'], extensionIds }, true);
  writeFileSync(context.hostScript, 'process.stdout.write(JSON.stringify(process.argv.slice(2)))');
  const run = spawnSync(path.join(home, '.wic/bin/wic-host'), ['chrome-extension://pphpgldbnphjbnncbdmijojinkfahdin/'], { encoding: 'utf8' });
  expect(run.stdout).toBe('["chrome-extension://pphpgldbnphjbnncbdmijojinkfahdin/"]');
});

it('runs reg delete for every browser on Windows uninstall, going on past missing keys', () => {
  const calls: string[][] = [];
  const report = uninstall({ ...context, platform: 'win32', home: 'C:\\Users\\ada', env: { LOCALAPPDATA: 'C:\\nowhere' } }, { browsers: BROWSERS, extensionIds }, (args) => {
    calls.push(args);
    if (args[1]?.includes('Brave')) throw new Error('not found');
  });
  expect(calls.map((args) => args[0])).toEqual(['delete', 'delete', 'delete', 'delete', 'delete']);
  expect(report).toHaveLength(4);
});
