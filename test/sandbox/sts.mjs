// The STS emulator: moto's standalone server on a free loopback port. moto answers the STS Query
// API (AssumeRoleWithWebIdentity, GetCallerIdentity) with CORS, and validates neither tokens nor
// signatures. Run directly, it prints `{"endpoint":...}` once moto answers.
import { spawn, spawnSync } from 'node:child_process';
import { isMain, parseArgs, serveAsChild } from './child.mjs';
import { LOOPBACK, freePort, waitForHttp } from './ports.mjs';

const MOTO = process.env.MOTO_SERVER_PATH || 'moto_server';

function assertMotoInstalled() {
  const found = spawnSync('sh', ['-c', `command -v "${MOTO}"`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      `${MOTO} is not on PATH. Install moto's server (pip install "moto[server]") or set MOTO_SERVER_PATH.`,
    );
  }
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

/**
 * Starts moto_server on 127.0.0.1.
 * @param {{ port?: number, verbose?: boolean }} [options] a free port by default; `verbose` passes moto's request log through.
 */
export async function startSts({ port, verbose = false } = {}) {
  assertMotoInstalled();
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

if (isMain(import.meta.url)) {
  const args = parseArgs();
  await serveAsChild(async () => {
    const sts = await startSts({
      port: args.port === undefined ? undefined : Number(args.port),
      verbose: Boolean(args.verbose),
    });
    return { info: { endpoint: sts.endpoint, port: sts.port }, close: sts.close };
  });
}
