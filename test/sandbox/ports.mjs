// Small network helpers shared by the sandbox servers: everything listens on loopback only.
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1.
 * The port is released before it is returned, so a caller that spawns another program on it can
 * still lose a race; `startSts` retries once for that reason.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `url` until it answers with any HTTP status, or throws after `timeoutMs`.
 * `isAlive` lets the caller stop early when the process that should answer has died.
 */
export async function waitForHttp(url, { timeoutMs = 20_000, intervalMs = 100, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) {
      throw new Error(`${url}: the process that should answer has exited`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: lastError });
}
