/**
 * The built terminal side (dist/cli, from `npm run build`): wic.js runs as a command, and
 * wic-host.js, started as a browser would start it, serves wic through its socket while a
 * stand-in extension answers on its stdin and stdout.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentialsResult, FakeExtension } from '../terminal/fake-extension';

const root = path.resolve(__dirname, '..', '..', '..');
const wic = path.join(root, 'dist', 'cli', 'wic.js');
const wicHost = path.join(root, 'dist', 'cli', 'wic-host.js');
if (!existsSync(wic) || !existsSync(wicHost)) throw new Error('dist/cli is missing: run `npm run build` first');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(wic, args, { env, encoding: 'utf8' }, (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr }));
  });
}

it('is an executable script that prints its help', async () => {
  expect(statSync(wic).mode & 0o111).not.toBe(0);
  const { code, stdout } = await run(['--help'], process.env);
  expect(code).toBe(0);
  expect(stdout).toContain('wic credential-process --profile ID');
});

describe('with the host running', () => {
  let dir: string;
  let host: ChildProcessWithoutNullStreams;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wic-bundle-'));
    env = { ...process.env, WIC_RUNTIME_DIR: path.join(dir, 'run'), WIC_BROWSER_PROFILE: '' };
    host = spawn(process.execPath, [wicHost, 'chrome-extension://pphpgldbnphjbnncbdmijojinkfahdin/'], { env });
    new FakeExtension(host.stdin, host.stdout).hello('bundle');
    const socket = path.join(dir, 'run', 'bundle.sock');
    for (let tries = 0; !existsSync(socket) && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  afterAll(async () => {
    if (host.exitCode === null) {
      const exited = new Promise((resolve) => host.once('exit', resolve));
      host.stdin.end();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints credential_process JSON', async () => {
    const { code, stdout } = await run(['credential-process', '--profile', 'dev'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ Version: 1, AccessKeyId: credentialsResult('dev').credentials.AccessKeyId });
  });

  it('removes its socket and leaves wic a one-line error once the browser closes the port', async () => {
    const socket = path.join(dir, 'run', 'bundle.sock');
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const exited = new Promise((resolve) => host.once('exit', resolve));
    host.stdin.end();
    await expect(exited).resolves.toBe(0);
    expect(existsSync(socket)).toBe(false);
    const { code, stderr } = await run(['credential-process', '--profile', 'dev'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^wic: The browser is not running[^\n]*\n$/);
  });
});
