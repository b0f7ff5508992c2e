// The sandbox's STS: moto's standalone server on a free loopback port when it is installed (the
// project's tests use it: it answers the STS Query API with CORS, and validates neither tokens nor
// signatures), and otherwise the stand-in the sandbox serves itself (sts-stand-in.mjs), so that
// `npm start` needs no Python. Run directly, it prints `{"endpoint":...,"kind":...}` once STS
// answers; `--issuer <url> --audience <client id>` name the IdP the stand-in trusts.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { isMain, parseArgs, serveAsChild } from './child.mjs';
import { LOOPBACK, freePort, waitForHttp } from './ports.mjs';
import { startStsStandIn } from './sts-stand-in.mjs';

const MOTO = process.env.MOTO_SERVER_PATH || 'moto_server';

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when `command` names an executable file, or one is on PATH (with Windows' PATHEXT). */
function installed(command) {
  const named = command.includes('/') || command.includes(path.sep);
  const files = named ? [command] : (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, command));
  const extensions = process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  return files.some((file) => extensions.some((extension) => isExecutableFile(file + extension)));
}

async function spawnMoto(port, { verbose }) {
  const child = spawn(MOTO, ['-H', LOOPBACK, '-p', String(port)], {
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000);
    if (verbose) process.stderr.write(chunk);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitForHttp(`http://${LOOPBACK}:${port}/`, { timeoutMs: 30_000, isAlive: () => !exited });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`moto_server did not start on port ${port}: ${stderr.trim() || error.message}`, { cause: error });
  }
  return child;
}

/** Starts moto_server on 127.0.0.1; `verbose` passes moto's request log through. */
async function startMoto({ port, verbose }) {
  let child;
  let actualPort = port;
  for (let attempt = 1; !child; attempt += 1) {
    actualPort = port ?? (await freePort());
    try {
      child = await spawnMoto(actualPort, { verbose });
    } catch (error) {
      // A free port can be taken between freePort() and moto's bind: try a second one.
      if (port !== undefined || attempt >= 2) throw error;
    }
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Whatever way this process ends (even process.exit from a library's signal handler), moto goes too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    kind: 'moto',
    endpoint: `http://${LOOPBACK}:${actualPort}`,
    port: actualPort,
    close: async () => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts STS on 127.0.0.1: moto when `moto_server` is on PATH (or MOTO_SERVER_PATH names it), the
 * stand-in otherwise. `kind` says which.
 * @param {object} [options]
 * @param {number} [options.port] a free port by default.
 * @param {boolean} [options.verbose] pass moto's request log through.
 * @param {{ issuer: string, audiences: string[] }} [options.trust] the IdP whose tokens the stand-in
 *   accepts; moto accepts any token. Required when moto is not installed.
 * @returns {Promise<{ kind: 'moto' | 'stand-in', endpoint: string, port: number, close: () => Promise<void> }>}
 */
export async function startSts({ port, verbose = false, trust } = {}) {
  if (installed(MOTO)) return startMoto({ port, verbose });
  if (process.env.MOTO_SERVER_PATH) {
    throw new Error(`MOTO_SERVER_PATH names ${MOTO}, which is not an executable file. Fix or unset it (without moto the sandbox serves an STS stand-in).`);
  }
  if (!trust) throw new Error('moto_server is not installed, and the STS stand-in needs the IdP it trusts (--issuer <url> --audience <client id>).');
  return { kind: 'stand-in', ...(await startStsStandIn({ trust, port })) };
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  await serveAsChild(async () => {
    const sts = await startSts({
      port: args.port === undefined ? undefined : Number(args.port),
      verbose: Boolean(args.verbose),
      ...(typeof args.issuer === 'string' && typeof args.audience === 'string' ? { trust: { issuer: args.issuer, audiences: [args.audience] } } : {}),
    });
    return { info: { kind: sts.kind, endpoint: sts.endpoint, port: sts.port }, close: sts.close };
  });
}
