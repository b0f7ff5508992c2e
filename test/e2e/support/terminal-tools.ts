/**
 * Running `wic`, the AWS CLI and Python (boto3) as a person at a terminal would, against the
 * native messaging host a test browser started: one temp HOME, one socket folder, one AWS config
 * written by `wic configure` and an empty shared credentials file, so nothing of the machine's
 * own AWS setup leaks in.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './harness';

/** The built command (`npm run build`). */
export const WIC = path.join(ROOT, 'dist', 'cli', 'wic.js');

/** What a finished command left. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time, ms. */
  ms: number;
}

/** Runs `command` to its end (or kills it after `timeoutMs`). */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The folders and files of one terminal setup. */
export interface TerminalSetup {
  root: string;
  home: string;
  /** `WIC_RUNTIME_DIR`: where the host puts its socket. */
  runDir: string;
  awsConfig: string;
  emptyCredentials: string;
  /** The environment for wic, aws and python3. */
  env: NodeJS.ProcessEnv;
}

/** Makes the folders; the caller removes `root`. Names carry the pid so `removeLeftovers` finds them. */
export async function terminalSetup(): Promise<TerminalSetup> {
  const root = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-terminal-`));
  const home = path.join(root, 'home');
  const runDir = path.join(root, 'run');
  await mkdir(home, { recursive: true });
  await mkdir(runDir, { mode: 0o700 });
  await chmod(runDir, 0o700);
  const awsConfig = path.join(root, 'aws-config');
  const emptyCredentials = path.join(root, 'aws-credentials');
  await writeFile(emptyCredentials, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    WIC_RUNTIME_DIR: runDir,
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: emptyCredentials,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'WIC_BROWSER_PROFILE']) delete env[name];
  return { root, home, runDir, awsConfig, emptyCredentials, env };
}

/** The sockets in the run folder. */
export async function sockets(runDir: string): Promise<string[]> {
  return (await readdir(runDir).catch(() => [] as string[])).filter((name) => name.endsWith('.sock'));
}

/** Every regular file under `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map(async (entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  }));
  return nested.flat();
}

/** Files under `dirs` (and the files named) holding any of `secrets`, as `file: secret prefix`. */
export async function filesHolding(paths: readonly string[], secrets: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const start of paths) {
    const info = await stat(start).catch(() => undefined);
    const files = info?.isDirectory() ? await filesUnder(start) : info?.isFile() ? [start] : [];
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      for (const secret of secrets) if (secret && text.includes(secret)) found.push(`${file}: ${secret.slice(0, 6)}…`);
    }
  }
  return found;
}
