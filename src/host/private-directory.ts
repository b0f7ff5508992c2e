import { chmodSync, lstatSync, mkdirSync } from 'node:fs';

/**
 * Creates `dir` (and missing parents) readable by its owner only, or checks an existing one:
 * a real directory (not a link), owned by this user, 0700 (tightened if looser). Throws with
 * what to do when another user owns it. No-op on Windows, which has no such modes.
 */
export function ensurePrivateDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  assertPrivateDirectory(dir, true);
}

/** Checks `dir` as {@link ensurePrivateDirectory} does; `fix` tightens a loose mode. */
export function assertPrivateDirectory(dir: string, fix = false): void {
  if (process.platform === 'win32') return;
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a directory: remove it so wic can create its own.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw new Error(`${dir} belongs to another user: remove it, or set WIC_RUNTIME_DIR to a folder of your own.`);
  if ((stat.mode & 0o077) !== 0) {
    if (!fix) throw new Error(`${dir} is readable by other users: run \`chmod 700 ${dir}\`.`);
    chmodSync(dir, 0o700);
  }
}
