/**
 * Terminal access end to end in Firefox ESR (issue 14): `wic install --browser firefox` writes the
 * host manifest under a temporary HOME's .mozilla/native-messaging-hosts/ (where Firefox looks),
 * terminal access is turned on from the options page (Firefox grants the optional permission
 * without its prompt here: `extensions.webextOptionalPermissionPrompts` is off, as after "Allow"),
 * and the real AWS CLI and boto3 get credentials through `wic configure`'s credential_process.
 */
import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import type { ProfileCredentials as Credentials } from '../../src/sts/credentials';
import { eventually } from './support/eventually';
import { startFirefoxEnvironment } from './support/firefox-harness';
import type { FirefoxEnvironment } from './support/firefox-harness';
import type { ScenarioPage } from './support/scenario-page';
import { sandboxProfile, sessionName, signIn } from './support/sign-in-scenario';
import type { Ran, TerminalSetup } from './support/terminal-tools';
import { run, sockets, terminalSetup, WIC } from './support/terminal-tools';

jest.setTimeout(300_000);

let env: FirefoxEnvironment;
let terminal: TerminalSetup;
const saved = { HOME: process.env.HOME, WIC_RUNTIME_DIR: process.env.WIC_RUNTIME_DIR };

function succeeded(ran: Ran): Ran {
  if (ran.code !== 0) throw new Error(`exit ${String(ran.code)}: ${ran.stderr}`);
  return ran;
}

beforeAll(async () => {
  terminal = await terminalSetup();
  succeeded(await run(WIC, ['install', '--browser', 'firefox'], terminal.env));
  // Firefox reads $HOME/.mozilla/native-messaging-hosts/ and passes its environment to the host.
  process.env.HOME = terminal.home;
  process.env.WIC_RUNTIME_DIR = terminal.runDir;
  env = await startFirefoxEnvironment({ localConfig: 'sandbox', prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});

afterAll(async () => {
  await env?.close();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (terminal) await rm(terminal.root, { recursive: true, force: true });
});

describe('Firefox: terminal access', () => {
  let popup: ScenarioPage;
  let options: Page;

  it('turns on from the options page and connects the host', async () => {
    popup = await env.scenario().openPopup();
    await signIn(env.scenario(), popup, 'alice');
    await popup.waitForText({ role: 'status', within: sandboxProfile }, /^Valid/, { timeout: 30_000 });

    options = await env.openOptions();
    await options.locator('#terminal-access').click();
    await eventually('the host socket', async () => ((await sockets(terminal.runDir)).length === 1 ? true : undefined), 100_000);
    await options.locator('#terminal-dev').click();
    await eventually('dev allowed', async () => {
      const settings = (await env.readStorage('local')).settings as { terminalProfiles?: string[] } | undefined;
      return settings?.terminalProfiles?.includes('dev') ? true : undefined;
    });
  });

  it('serves the AWS CLI and boto3 through credential_process', async () => {
    const sts = env.sts?.endpoint ?? '';
    succeeded(await run(WIC, ['configure', '--profile', 'dev', '--yes'], terminal.env));
    const expected = `arn:aws:sts::123456789012:assumed-role/Developer/${sessionName('alice')}`;

    const cli = succeeded(await run('aws', ['sts', 'get-caller-identity', '--profile', 'dev', '--endpoint-url', sts, '--output', 'json'], terminal.env));
    expect((JSON.parse(cli.stdout) as { Arn: string }).Arn).toBe(expected);

    const python = succeeded(await run('python3', ['-c', "import boto3; print(boto3.Session(profile_name='dev').client('sts').get_caller_identity()['Arn'])"], { ...terminal.env, AWS_ENDPOINT_URL_STS: sts }));
    expect(python.stdout.trim()).toBe(expected);

    // Past Firefox's 30 s idle timeout of an event page, the host is still connected.
    await new Promise((resolve) => setTimeout(resolve, 45_000));
    expect(await sockets(terminal.runDir)).toHaveLength(1);
    const held = (await env.readStorage('session'))['credentials/dev'] as Credentials;
    const process = succeeded(await run(WIC, ['credential-process', '--profile', 'dev'], terminal.env));
    expect((JSON.parse(process.stdout) as { AccessKeyId: string }).AccessKeyId).toBe(held.accessKeyId);
  });
});
