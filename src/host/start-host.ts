/**
 * The native messaging host: started by the browser when the extension calls `connectNative`,
 * it opens the socket once the extension's hello names the browser profile, relays `wic`'s
 * requests, and closes the socket and ends when the port closes (browser or extension gone).
 */
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { openNativePort } from './native-port';
import { ensurePrivateDirectory } from './private-directory';
import { Relay } from './relay';
import { serveClients } from './socket-server';
import type { LocationEnvironment } from './socket-location';
import { runDirectory, socketPath } from './socket-location';

export interface HostOptions {
  /** The browser's end of the port: the host's stdin and stdout. */
  input: Readable;
  output: Writable;
  location: LocationEnvironment;
  log(line: string): void;
  answerTimeoutMs?: number;
  waitTimeoutMs?: number;
}

export interface RunningHost {
  /** The socket's path once the hello arrived and the server listens. */
  readonly listening: Promise<string>;
  /** Settles when the host has shut down (port closed, socket removed). */
  readonly closed: Promise<void>;
  close(): void;
}

/** Removes a leftover socket (a host that was killed) so a new one can listen there. */
function removeStale(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Nothing there.
  }
}

/** Listens on a Unix socket created 0600 (umask while binding, chmod after, for Windows-less certainty). */
function listenPrivately(server: Server, path: string, onListening: () => void): void {
  let restore: number | undefined;
  try {
    restore = process.umask(0o177);
  } catch {
    // Worker threads cannot change the umask; the 0700 folder and the chmod below still hold.
  }
  try {
    server.listen(path, onListening);
  } finally {
    if (restore !== undefined) process.umask(restore);
  }
}

export function startHost(options: HostOptions): RunningHost {
  const { location, log } = options;
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let ownSocket: { path: string; ino: number } | undefined;
  let shutDown = false;
  let resolveListening!: (path: string) => void;
  let rejectListening!: (error: Error) => void;
  let resolveClosed!: () => void;
  const listening = new Promise<string>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  listening.catch(() => undefined);
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });

  const close = (): void => {
    if (shutDown) return;
    shutDown = true;
    relay.close();
    rejectListening(new Error('the host closed before the extension said hello'));
    const done = (): void => {
      // Only our own socket: a newer host of the same browser profile may have taken the path.
      try {
        if (ownSocket && lstatSync(ownSocket.path).ino === ownSocket.ino) unlinkSync(ownSocket.path);
      } catch {
        // Already gone.
      }
      resolveClosed();
    };
    if (server) server.close(() => done());
    else done();
    // Connected clients would keep close() waiting: they get the replies relay.close() just
    // settled (written on the next ticks), then their connection ends.
    setImmediate(() => {
      for (const socket of sockets) socket.end();
    });
  };

  const listen = (profileKey: string): void => {
    const path = socketPath(location, profileKey);
    try {
      if (location.platform !== 'win32') {
        ensurePrivateDirectory(runDirectory(location));
        removeStale(path);
      }
    } catch (error) {
      log(`cannot open the socket: ${(error as Error).message}`);
      close();
      return;
    }
    server = createServer();
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    serveClients(server, relay);
    server.on('error', (error) => {
      log(`cannot listen on ${path}: ${error.message}`);
      close();
    });
    const onListening = (): void => {
      if (location.platform !== 'win32') {
        chmodSync(path, 0o600);
        ownSocket = { path, ino: lstatSync(path).ino };
      }
      resolveListening(path);
    };
    if (location.platform === 'win32') server.listen(path, onListening);
    else listenPrivately(server, path, onListening);
  };

  const relay: Relay = new Relay({
    post: (message) => port.post(message),
    log,
    ...(options.answerTimeoutMs === undefined ? {} : { answerTimeoutMs: options.answerTimeoutMs }),
    ...(options.waitTimeoutMs === undefined ? {} : { waitTimeoutMs: options.waitTimeoutMs }),
  });
  const port = openNativePort(options.input, options.output, {
    message: (value) => {
      const hello = relay.receive(value);
      if (hello && !shutDown) listen(hello.profileKey);
    },
    log,
    end: close,
  });

  return { listening, closed, close };
}
