/**
 * `wic` commands end to end in-process: a real host on a Unix socket in a temp dir, the extension
 * replaced by the fake, output captured.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliContext } from '../../../src/cli/cli-context';
import { runCli } from '../../../src/cli/run-cli';
import { toProfileCredentials } from '../../../src/cli/wire-credentials';
import { formatCredentials } from '../../../src/format';
import type { RunningHost } from '../../../src/host/start-host';
import { startHost } from '../../../src/host/start-host';
import { credentialsResult, FakeExtension } from '../terminal/fake-extension';

let dir: string;
let host: RunningHost;
let extension: FakeExtension;
let out: string;
let err: string;
let context: CliContext;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wic-cli-'));
  const input = new PassThrough();
  const output = new PassThrough();
  const location = { platform: 'linux' as const, env: { WIC_RUNTIME_DIR: path.join(dir, 'run'), PATH: process.env.PATH }, home: dir, user: 'ada' };
  host = startHost({ input, output, location, log: () => undefined });
  extension = new FakeExtension(input, output);
  out = '';
  err = '';
  context = {
    location,
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    confirm: undefined,
    wicCommand: ['/opt/wic/dist/cli/wic.js'],
    nodePath: process.execPath,
    hostScript: '/opt/wic/dist/cli/wic-host.js',
  };
});

afterEach(async () => {
  host.close();
  await host.closed;
  rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<void> {
  extension.hello('work');
  await host.listening;
}

it('prints credential_process JSON exactly as src/format writes it', async () => {
  await connect();
  await expect(runCli(context, ['credential-process', '--profile', 'dev'])).resolves.toBe(0);
  expect(out).toBe(formatCredentials('credential-process', { profileId: 'dev', credentials: toProfileCredentials(credentialsResult('dev').credentials) }));
  expect(JSON.parse(out)).toEqual({ Version: 1, AccessKeyId: 'ASIADEVXXXXXXXXXXXXX', SecretAccessKey: 'secret/dev+key', SessionToken: 'token-dev', Expiration: '2030-01-01T01:00:00Z' });
  expect(extension.requests[0]?.request).toEqual({ action: 'credentials', profileId: 'dev', minValidSeconds: 900, wait: false, command: 'wic credential-process --profile dev' });
});

it('passes --wait and --min-valid on', async () => {
  await connect();
  await runCli(context, ['credential-process', '--profile', 'dev', '--wait', '--min-valid', '60']);
  expect(extension.requests[0]?.request).toMatchObject({ wait: true, minValidSeconds: 60 });
});

it('says in one line what to do when signed out, and exits 1', async () => {
  await connect();
  extension.handler = () => ({ ok: false, error: { code: 'not-signed-in', message: 'Not signed in to Example: sign in from the popup, or run again with --wait.' } });
  await expect(runCli(context, ['credential-process', '--profile', 'dev'])).resolves.toBe(1);
  expect(err).toBe('wic: Not signed in to Example: sign in from the popup, or run again with --wait.\n');
  expect(out).toBe('');
});

it('fails fast in one line when no browser is connected', async () => {
  const started = Date.now();
  await expect(runCli(context, ['credential-process', '--profile', 'dev'])).resolves.toBe(1);
  expect(err).toMatch(/^wic: The browser is not running .* `wic install` .*\n$/);
  expect(err.split('\n')).toHaveLength(2);
  expect(Date.now() - started).toBeLessThan(1000);
});

it.each([
  [['frobnicate'], 'unknown command "frobnicate"'],
  [['credential-process'], '--profile is required'],
  [['credential-process', '--profile', 'a b'], 'is not a profile id'],
  [['credential-process', '--profile', 'dev', '--bogus'], "Unknown option '--bogus'"],
  [['env', '--profile', 'dev', '--format', 'zsh'], '--format must be one of bash, fish, powershell, cmd, dotenv'],
  [['exec', '--profile', 'dev', 'ls'], 'exec needs -- before the command'],
  [['install', '--browser', 'netscape'], '--browser netscape: choose from'],
  [['install', '--extension-id', 'xyz'], 'is not a Chromium extension id'],
])('exits 2 on %j', async (argv, message) => {
  await expect(runCli(context, argv)).resolves.toBe(2);
  expect(err).toContain(message);
  expect(err).toMatch(/\(see wic --help\)\n$/);
});

it('prints --help', async () => {
  await expect(runCli(context, ['--help'])).resolves.toBe(0);
  expect(out).toContain('wic credential-process --profile ID');
});

it('prints the env text the popup copies', async () => {
  await connect();
  await expect(runCli(context, ['env', '--profile', 'dev', '--format', 'powershell'])).resolves.toBe(0);
  expect(out).toBe(formatCredentials('powershell', { profileId: 'dev', credentials: toProfileCredentials(credentialsResult('dev').credentials) }));
  expect(extension.requests[0]?.request).toEqual({ action: 'env', profileId: 'dev', format: 'powershell', minValidSeconds: 0, wait: false, command: 'wic env --format powershell' });
});

it('runs a command with the credentials endpoint and exits with its code', async () => {
  await connect();
  const seen = path.join(dir, 'seen.json');
  context.location = { ...context.location, env: { ...context.location.env, AWS_ACCESS_KEY_ID: 'AKIAOLD', AWS_PROFILE: 'old' } };
  const script = `fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } }).then((r) => r.json()).then((j) => { require('fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ key: j.AccessKeyId, old: process.env.AWS_ACCESS_KEY_ID ?? null, profile: process.env.AWS_PROFILE ?? null, region: process.env.AWS_REGION })); process.exit(7); })`;
  await expect(runCli(context, ['exec', '--profile', 'dev', '--', process.execPath, '-e', script])).resolves.toBe(7);
  expect(JSON.parse(readFileSync(seen, 'utf8'))).toEqual({ key: 'ASIADEVXXXXXXXXXXXXX', old: null, profile: null, region: 'eu-west-1' });
  expect(extension.requests.map((message) => message.request)).toEqual([
    expect.objectContaining({ action: 'credentials', command: expect.stringMatching(/^wic exec -- /) }),
    expect.objectContaining({ action: 'credentials', wait: false }),
  ]);
});

it('does not start the command when the first request fails', async () => {
  await connect();
  extension.handler = () => ({ ok: false, error: { code: 'not-allowed', message: 'Allow terminal access in the popup.' } });
  const marker = path.join(dir, 'ran');
  await expect(runCli(context, ['exec', '--profile', 'dev', '--', process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`])).resolves.toBe(1);
  expect(err).toBe('wic: Allow terminal access in the popup.\n');
  expect(() => readFileSync(marker)).toThrow();
});

it('configures ~/.aws/config for the browser\'s profiles with --yes, and only shows them without', async () => {
  await connect();
  const config = path.join(dir, 'aws', 'config');
  await expect(runCli(context, ['configure', '--config-file', config])).resolves.toBe(1);
  expect(out).toContain('add [profile dev]');
  expect(err).toContain('--yes');
  await expect(runCli(context, ['configure', '--config-file', config, '--yes'])).resolves.toBe(0);
  expect(readFileSync(config, 'utf8')).toBe('[profile dev]\ncredential_process = /opt/wic/dist/cli/wic.js credential-process --profile dev\n');
});

it('honours AWS_CONFIG_FILE and keeps the other lines', async () => {
  const config = path.join(dir, 'custom-config');
  writeFileSync(config, '[default]\nregion = eu-west-1\n');
  context.location = { ...context.location, env: { ...context.location.env, AWS_CONFIG_FILE: config } };
  context.confirm = async () => true;
  await expect(runCli(context, ['configure', '--profile', 'prod', '--profile', 'dev'])).resolves.toBe(0);
  expect(readFileSync(config, 'utf8')).toBe('[default]\nregion = eu-west-1\n\n[profile prod]\ncredential_process = /opt/wic/dist/cli/wic.js credential-process --profile prod\n\n[profile dev]\ncredential_process = /opt/wic/dist/cli/wic.js credential-process --profile dev\n');
});

it('shows the status of each connected browser profile', async () => {
  await expect(runCli(context, ['status'])).resolves.toBe(1);
  expect(out).toContain('No browser connected');
  out = '';
  await connect();
  await expect(runCli(context, ['status'])).resolves.toBe(0);
  expect(out).toMatch(/^Browser profile work: connected \(extension 0\.1\.0\)\n {2}dev: valid until 2030-01-01T01:00:00Z \(\d+ min left\)\n$/);
});

it('tells credentials that expired from none held yet in the status', async () => {
  extension.handler = () => ({
    ok: true,
    result: {
      profiles: [
        { profileId: 'old', state: 'expired', expiration: '2030-01-01T01:00:00Z', allowed: true },
        { profileId: 'new', state: 'expired', expiration: null, allowed: false },
        { profileId: 'away', state: 'not-signed-in', expiration: null, allowed: true },
      ],
    },
  });
  await connect();
  await expect(runCli(context, ['status'])).resolves.toBe(0);
  expect(out.split('\n').slice(1, 4)).toEqual([
    '  old: expired at 2030-01-01T01:00:00Z',
    '  new: no credentials yet (the next request gets them), terminal access not allowed',
    '  away: not signed in',
  ]);
});
