/**
 * `npm run bench`, terminal access (issue 14): the real AWS CLI's `sts get-caller-identity`
 * through `credential_process` (wic → host → extension) against the same call reading static keys
 * from a credentials file, in the same run (goal: at most 1.3×), and the host round trip alone,
 * socket → extension → socket, as `wic` makes it (goal: median at most 20 ms). Reported, never
 * asserted. Real Chromium with the built extension, the sandbox IdP and moto, set up as
 * test/e2e/terminal.test.ts does. BENCH_RUNS sets the number of runs (default 15).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sendRequest } from '../../src/cli/host-client';
import type { ProfileCredentials as Credentials } from '../../src/sts/credentials';
import { rememberOptionalPermission } from '../e2e/support/browser-ui';
import { eventually } from '../e2e/support/eventually';
import { ROOT, startEnvironment } from '../e2e/support/harness';
import type { Environment } from '../e2e/support/harness';
import type { Ran, TerminalSetup } from '../e2e/support/terminal-tools';
import { run, sockets, terminalSetup, WIC } from '../e2e/support/terminal-tools';
import { describeMachine, renderTable } from './results';
import type { ResultRow } from './results';
import { summarize } from './statistics';

jest.setTimeout(20 * 60_000);

const runs = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const rows: ResultRow[] = [];
let env: Environment;
let terminal: TerminalSetup;

function succeeded(ran: Ran): Ran {
  if (ran.code !== 0) throw new Error(`exit ${String(ran.code)}: ${ran.stderr}`);
  return ran;
}

beforeAll(async () => {
  terminal = await terminalSetup();
  process.env.WIC_RUNTIME_DIR = terminal.runDir;
  env = await startEnvironment({ localConfig: 'sandbox' });
  succeeded(await run(WIC, ['install', '--user-data-dir', env.profileDir], terminal.env));
  await env.restart({ beforeLaunch: () => rememberOptionalPermission(env.profileDir, env.extensionId, 'nativeMessaging') });

  const popup = await env.openPopup();
  const authWindow = env.waitForAuthWindow();
  await popup.getByRole('region', { name: 'Sandbox IdP' }).getByRole('button', { name: 'Sign in' }).click();
  await env.loginOnIdp(await authWindow, 'alice');
  await popup.getByRole('article', { name: 'Sandbox developer' }).getByRole('status').filter({ hasText: /^Valid/ }).waitFor({ timeout: 30_000 });
  const options = await env.openOptions();
  await options.getByRole('checkbox', { name: /^Terminal access/ }).check();
  await options.getByRole('checkbox', { name: 'All profiles' }).check();
  await options.getByTestId('terminal-connection').filter({ hasText: 'connects once' }).waitFor({ timeout: 15_000 });
  await env.stopServiceWorker();
  await eventually('the host socket', async () => ((await sockets(terminal.runDir)).length === 1 ? true : undefined), 100_000);
  succeeded(await run(WIC, ['configure', '--profile', 'dev', '--yes'], terminal.env));
});

afterAll(async () => {
  const machine = describeMachine(env?.context.browser()?.version() ?? 'unknown');
  delete process.env.WIC_RUNTIME_DIR;
  await env?.close();
  if (terminal) await rm(terminal.root, { recursive: true, force: true });
  process.stdout.write(`\n${renderTable(rows, machine)}\n`);
  const folder = path.join(ROOT, 'bench-results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'terminal-latest.json'), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
});

/** Wall times of `runs` runs of the AWS CLI, after one unrecorded warm-up. */
async function timeAws(args: string[], environment: NodeJS.ProcessEnv): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index <= runs; index += 1) {
    const ran = succeeded(await run('aws', [...args, '--endpoint-url', env.sts?.endpoint ?? '', '--output', 'json'], environment));
    if (index > 0) samples.push(ran.ms);
  }
  return samples;
}

describe('terminal access', () => {
  it('aws sts get-caller-identity: credential_process through the browser vs static keys in a file', async () => {
    const held = (await env.readStorage('session'))['credentials/dev'] as Credentials;
    // The same credentials as static keys, in a file of the bench's own, removed with its folder.
    const staticFile = path.join(terminal.root, 'static-credentials');
    await writeFile(staticFile, `[static]\naws_access_key_id = ${held.accessKeyId}\naws_secret_access_key = ${held.secretAccessKey}\naws_session_token = ${held.sessionToken}\n`, { mode: 0o600 });
    const bridged = await timeAws(['sts', 'get-caller-identity', '--profile', 'dev'], terminal.env);
    const direct = await timeAws(['sts', 'get-caller-identity', '--profile', 'static'], { ...terminal.env, AWS_SHARED_CREDENTIALS_FILE: staticFile });
    const bridgedSummary = summarize(bridged);
    const directSummary = summarize(direct);
    rows.push(
      { id: 'terminal-cli-credential-process', label: 'aws sts get-caller-identity, credential_process (wic → host → extension)', unit: 'ms', summary: bridgedSummary },
      { id: 'terminal-cli-static', label: 'aws sts get-caller-identity, static keys in a credentials file', unit: 'ms', summary: directSummary },
      {
        id: 'terminal-cli-ratio',
        label: 'credential_process / static keys (medians)',
        unit: 'x',
        value: Math.round((bridgedSummary.median / directSummary.median) * 100) / 100,
        target: { max: 1.3, text: '≤ 1.3×' },
        note: 'includes starting Node for wic once per CLI call',
      },
    );
  });

  it('host round trip: socket → extension → socket', async () => {
    const [socket] = await sockets(terminal.runDir);
    const address = path.join(terminal.runDir, socket ?? '');
    const samples: number[] = [];
    for (let index = 0; index <= runs * 4; index += 1) {
      const started = performance.now();
      await sendRequest(address, { action: 'credentials', profileId: 'dev', minValidSeconds: 0, wait: false, command: 'bench' });
      if (index > 0) samples.push(performance.now() - started);
    }
    rows.push({
      id: 'terminal-host-round-trip',
      label: 'host round trip, a credentials request (connect, frame, extension, answer)',
      unit: 'ms',
      summary: summarize(samples),
      target: { max: 20, text: 'median ≤ 20 ms' },
    });
  });
});
