/**
 * Terminal access turned on by policy in real Chromium (issue 14): the options page shows it
 * read-only with the profiles policy allows, offers the one click a browser needs to grant the
 * permission, and the extension then connects and serves `wic status` with the profile allowed.
 * The policy file is the harness's own (named per test, removed afterwards).
 */
import { rm } from 'node:fs/promises';
import { rememberOptionalPermission } from './support/browser-ui';
import { eventually } from './support/eventually';
import { startEnvironment } from './support/harness';
import type { Environment } from './support/harness';
import type { TerminalSetup } from './support/terminal-tools';
import { run, sockets, terminalSetup, WIC } from './support/terminal-tools';

jest.setTimeout(300_000);

let env: Environment;
let terminal: TerminalSetup;

beforeAll(async () => {
  terminal = await terminalSetup();
  process.env.WIC_RUNTIME_DIR = terminal.runDir;
  env = await startEnvironment({ localConfig: 'sandbox', managedPolicy: { settings: { terminalAccess: true, terminalProfiles: ['*'] } } });
  const installed = await run(WIC, ['install', '--user-data-dir', env.profileDir], terminal.env);
  if (installed.code !== 0) throw new Error(installed.stderr);
  await env.restart({ beforeLaunch: () => rememberOptionalPermission(env.profileDir, env.extensionId, 'nativeMessaging') });
});

afterAll(async () => {
  delete process.env.WIC_RUNTIME_DIR;
  await env?.close();
  if (terminal) await rm(terminal.root, { recursive: true, force: true });
});

it('turns terminal access on by policy: read-only in the options page, one click for the permission, then connected with the profile allowed', async () => {
  const options = await env.openOptions();
  const terminalSwitch = options.getByRole('checkbox', { name: /^Terminal access \(set by your organization\)/ });
  await terminalSwitch.waitFor();
  expect(await terminalSwitch.isChecked()).toBe(true);
  expect(await terminalSwitch.isDisabled()).toBe(true);
  expect(await options.getByRole('checkbox', { name: /Sandbox developer \(allowed by your organization\)/ }).isChecked()).toBe(true);

  await options.getByRole('button', { name: 'Allow the extension to talk to wic' }).click();
  await options.getByTestId('terminal-connection').filter({ hasText: 'connects once the browser restarts' }).waitFor({ timeout: 15_000 });
  await env.stopServiceWorker();
  await eventually('the host socket', async () => ((await sockets(terminal.runDir)).length === 1 ? true : undefined), 100_000);

  const status = await run(WIC, ['status'], terminal.env);
  expect(status.code).toBe(0);
  expect(status.stdout).toMatch(/dev/);
  expect(status.stdout).not.toMatch(/not allowed/i);
});
