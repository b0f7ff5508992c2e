/**
 * Where the host listens and where `wic` finds it. One socket per browser profile, named by the
 * `profileKey` the extension sends in its hello (src/terminal/messages.ts), so two browsers or
 * browser profiles never share one; `wic` connects to the only one, or to the one it is told.
 *
 * - Linux, macOS: `<run dir>/<profileKey>.sock`, the run dir being `$WIC_RUNTIME_DIR`, else
 *   `$XDG_RUNTIME_DIR/wic` (a per-user tmpfs that systemd creates 0700), else `~/.wic/run`.
 *   The dir is kept 0700 and the socket 0600: Node cannot read a Unix socket peer's uid
 *   (no SO_PEERCRED), so file permissions are what keep other users out.
 * - Windows: the named pipe `\\.\pipe\wic-<user>-<profileKey>`. Node creates it with the default
 *   pipe ACL (full control for the creator, SYSTEM and administrators; others may open it for
 *   reading only, which does not let them send a request).
 */
import { userInfo, homedir } from 'node:os';
import path from 'node:path';

/** What the locations depend on; {@link currentLocation} for this process. */
export interface LocationEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  user: string;
}

/** The running process's environment. */
export function currentLocation(): LocationEnvironment {
  return { platform: process.platform, env: process.env, home: homedir(), user: userInfo().username };
}

function paths(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The folder of the sockets (not used on Windows, where pipes have their own namespace). */
export function runDirectory(location: LocationEnvironment): string {
  const { env, home, platform } = location;
  const { isAbsolute, join } = paths(platform);
  if (env.WIC_RUNTIME_DIR && isAbsolute(env.WIC_RUNTIME_DIR)) return env.WIC_RUNTIME_DIR;
  if (platform !== 'win32' && env.XDG_RUNTIME_DIR && isAbsolute(env.XDG_RUNTIME_DIR)) return join(env.XDG_RUNTIME_DIR, 'wic');
  return join(home, '.wic', 'run');
}

const WINDOWS_PIPE_FOLDER = '\\\\.\\pipe\\';

/** The user name as it may appear in a pipe name. */
function pipeUser(user: string): string {
  return user.replace(/[^A-Za-z0-9_.-]/g, '_') || 'user';
}

/** The prefix of this user's pipe names on Windows, `wic-<user>-`. */
export function pipePrefix(location: LocationEnvironment): string {
  return `wic-${pipeUser(location.user)}-`;
}

/** Where the host of `profileKey` listens. */
export function socketPath(location: LocationEnvironment, profileKey: string): string {
  if (location.platform === 'win32') return `${WINDOWS_PIPE_FOLDER}${pipePrefix(location)}${profileKey}`;
  return paths(location.platform).join(runDirectory(location), `${profileKey}.sock`);
}

/** The folder to list to find the hosts: the run dir, or the pipe namespace on Windows. */
export function socketFolder(location: LocationEnvironment): string {
  return location.platform === 'win32' ? WINDOWS_PIPE_FOLDER : runDirectory(location);
}

/** The profile key a name in {@link socketFolder} stands for, or undefined for other files. */
export function profileKeyOfEntry(location: LocationEnvironment, name: string): string | undefined {
  const match = location.platform === 'win32'
    ? name.startsWith(pipePrefix(location)) ? /^([A-Za-z0-9_-]{1,32})$/.exec(name.slice(pipePrefix(location).length)) : null
    : /^([A-Za-z0-9_-]{1,32})\.sock$/.exec(name);
  return match?.[1];
}
