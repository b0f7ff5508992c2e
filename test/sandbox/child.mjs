// The protocol every sandbox server speaks when run as its own process (`node test/sandbox/x.mjs`):
// one JSON line on stdout once ready, requests over the Node IPC channel when there is one, and a
// clean shutdown on SIGINT, SIGTERM or when the parent that forked it goes away.
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs `start()` as the main program of this process.
 * @param {() => Promise<{ info: object, close: () => Promise<void>, methods?: Record<string, (...args: unknown[]) => unknown> }>} start
 */
export async function serveAsChild(start) {
  // oidc-provider prints notices with console.info; keep stdout for the single ready line.
  console.log = console.error;
  console.info = console.error;

  let server;
  try {
    server = await start();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }

  // Paths the parent asks us to delete when we stop: a parent killed before its own cleanup
  // (jest on Ctrl-C) then still loses its temp dirs and managed-policy files with us.
  const leftovers = new Set();
  // Browsers the parent started that would outlive it (Firefox does not stop when its WebDriver
  // BiDi client goes away); killed only when the parent is gone without its own cleanup.
  const orphans = new Set();
  const methods = {
    ...server.methods,
    removeOnExit: (path) => void leftovers.add(String(path)),
    killOnExit: (pid) => void orphans.add(Number(pid)),
  };

  let closing;
  const shutdown = (code = 0, { parentGone = false } = {}) => {
    closing ??= Promise.resolve()
      .then(() => server.close())
      .catch((error) => console.error(error))
      // A parent that died took its browser down with it; give that browser time to stop writing.
      .then(() => parentGone && killAll(orphans))
      .then(() => parentGone && leftovers.size && new Promise((resolve) => setTimeout(resolve, 1_500)))
      .then(() => removeAll(leftovers))
      .finally(() => process.exit(code));
    return closing;
  };
  process.once('SIGINT', () => shutdown(0));
  process.once('SIGTERM', () => shutdown(0));

  if (process.send) {
    // The IPC channel closes when the parent exits, even when it is killed: never outlive it.
    process.once('disconnect', () => shutdown(0, { parentGone: true }));
    process.on('message', async (message) => {
      const { id, method, args = [] } = message ?? {};
      const handler = methods[method];
      try {
        if (!handler) throw new Error(`unknown method ${JSON.stringify(method)}`);
        const result = await handler(...args);
        process.send?.({ id, result: result ?? null });
      } catch (error) {
        process.send?.({ id, error: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  process.stdout.write(`${JSON.stringify(server.info)}\n`);
}

/** Sends SIGKILL to each process id that still runs. */
function killAll(pids) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ESRCH: it ended with its parent after all.
    }
  }
}

/** Deletes `paths`, again for a few seconds while a dying browser may still write into them. */
async function removeAll(paths) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    for (const path of paths) {
      try {
        rmSync(path, { recursive: true, force: true });
      } catch {
        // Retried below.
      }
    }
    if (![...paths].some((path) => existsSync(path))) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error(`could not remove ${[...paths].filter((path) => existsSync(path)).join(', ')}`);
}

/** True when `importMetaUrl` is the file node was asked to run. */
export function isMain(importMetaUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

/** Parses `--name value` and `--name=value` pairs; a lone `--flag` becomes `true`. */
export function parseArgs(argv = process.argv.slice(2)) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options[name] = argv[(i += 1)];
    else options[name] = true;
  }
  return options;
}
