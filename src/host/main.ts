/**
 * wic-host: the native messaging host the browser starts for the extension (through the launcher
 * that `wic install` writes). The browser passes the caller's origin (Chrome) or the manifest
 * path and extension id (Firefox) as arguments; the manifest's allow-list already checked them,
 * and the socket is named by the extension's hello instead, so they are not read.
 */
import { currentLocation } from './socket-location';
import { startHost } from './start-host';

const host = startHost({
  input: process.stdin,
  output: process.stdout,
  location: currentLocation(),
  log: (line) => process.stderr.write(`wic-host: ${line}\n`),
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => host.close());
void host.closed.then(() => process.exit(0));
