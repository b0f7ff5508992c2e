/**
 * `wic`'s side of the socket: finds the host of the browser profile, sends one request and
 * returns the result, or throws a {@link TerminalError} whose message is the one line to print.
 * An absent or dead host fails at once (no socket, or connection refused), never after a wait.
 */
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import type { LocationEnvironment } from '../host/socket-location';
import { profileKeyOfEntry, runDirectory, socketFolder, socketPath } from '../host/socket-location';
import { assertPrivateDirectory } from '../host/private-directory';
import type { TerminalAction, TerminalRequest, TerminalResults } from '../terminal';
import {
  ANSWER_TIMEOUT_MS, encodeFrame, FrameDecoder, parseHostReply, TerminalError, TerminalErrorCodes, WAIT_ANSWER_TIMEOUT_MS,
} from '../terminal';

/** A host found in the run dir (or the pipe namespace). */
export interface HostAddress {
  profileKey: string;
  path: string;
}

/** Said whenever no host answers: the browser is closed, or the extension never connected. */
export const NOT_RUNNING = 'The browser is not running or Web Identity Credentials is not connected: open the browser (run `wic install` once, then restart it), then try again.';

function unavailable(message: string, cause?: unknown): TerminalError {
  return new TerminalError(TerminalErrorCodes.extensionUnavailable, message, { cause });
}

/** Every host socket there is; some may be left over from a host that was killed. */
export function listHosts(location: LocationEnvironment): HostAddress[] {
  let names: string[];
  try {
    if (location.platform !== 'win32') assertPrivateDirectory(runDirectory(location));
    names = readdirSync(socketFolder(location));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw unavailable(`Cannot look for the browser: ${(error as Error).message}`, error);
  }
  return names.flatMap((name) => {
    const profileKey = profileKeyOfEntry(location, name);
    return profileKey ? [{ profileKey, path: socketPath(location, profileKey) }] : [];
  }).sort((a, b) => a.profileKey.localeCompare(b.profileKey));
}

/** True when something accepts connections at `path` within `timeoutMs`. */
export function isListening(path: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (live: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(live);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The host to ask: the one named (`--browser-profile`, `WIC_BROWSER_PROFILE`), else the only one
 * that listens. Throws when none listens, or when several do and none was named.
 */
export async function chooseHost(location: LocationEnvironment, browserProfile: string | undefined): Promise<HostAddress> {
  if (browserProfile) return { profileKey: browserProfile, path: socketPath(location, browserProfile) };
  const found = listHosts(location);
  const live = found.length > 1 ? (await Promise.all(found.map(async (host) => ((await isListening(host.path)) ? [host] : [])))).flat() : found;
  const [only, ...others] = live;
  if (!only) throw unavailable(NOT_RUNNING);
  if (others.length > 0) throw new TerminalError(TerminalErrorCodes.badRequest, `Several browser profiles are connected (${live.map((host) => host.profileKey).join(', ')}): choose one with --browser-profile or WIC_BROWSER_PROFILE.`);
  return only;
}

/** How long to wait for the host's reply: its own deadline plus a margin. */
export function replyTimeoutMs(request: TerminalRequest): number {
  return (request.action !== 'status' && request.wait ? WAIT_ANSWER_TIMEOUT_MS : ANSWER_TIMEOUT_MS) + 5_000;
}

const unreachableCodes = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK', 'ECONNRESET', 'EPIPE']);

/** Sends `request` to the host at `path` and returns its result, or throws its error. */
export function sendRequest<A extends TerminalAction>(path: string, request: TerminalRequest & { action: A }, timeoutMs = replyTimeoutMs(request)): Promise<TerminalResults[A]> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    const decoder = new FrameDecoder();
    let settled = false;
    const settle = (error: TerminalError | undefined, result?: TerminalResults[A]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(result as TerminalResults[A]);
    };
    const timer = setTimeout(() => settle(unavailable(`The browser did not answer within ${Math.round(timeoutMs / 1000)} s: check it is responsive, then try again.`)), timeoutMs);
    socket.once('connect', () => socket.write(encodeFrame({ id: '1', request })));
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) {
        if (!frame.ok) return settle(unavailable(`The host's reply could not be read (${frame.error.message}): update wic and reinstall it with \`wic install\`.`));
        try {
          const { response } = parseHostReply(request.action, frame.message);
          if (response.ok) settle(undefined, response.result);
          else settle(new TerminalError(response.error.code, response.error.message));
        } catch (error) {
          settle(unavailable(`The host's reply could not be read (${(error as Error).message}): update wic and reinstall it with \`wic install\`.`, error));
        }
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      settle(unreachableCodes.has(error.code ?? '') ? unavailable(NOT_RUNNING, error) : unavailable(`Cannot reach the browser: ${error.message}`, error));
    });
    socket.on('close', () => settle(unavailable(NOT_RUNNING)));
  });
}

/** Sends `request` to the chosen browser profile's host. */
export async function askExtension<A extends TerminalAction>(request: TerminalRequest & { action: A }, location: LocationEnvironment, browserProfile: string | undefined): Promise<TerminalResults[A]> {
  const host = await chooseHost(location, browserProfile);
  return sendRequest<A>(host.path, request);
}
