/**
 * Everything a `wic` command touches outside its own logic, so tests run commands against temp
 * folders, a fake extension and captured output. `main.ts` fills it from the process.
 */
import type { LocationEnvironment } from '../host/socket-location';
import type { RegistryRunner } from './install';

export interface CliContext {
  /** The socket locations, home folder and environment. */
  location: LocationEnvironment;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Asks a yes/no question on the terminal; undefined when stdin is not a terminal. */
  confirm: ((question: string) => Promise<boolean>) | undefined;
  /** How to start wic itself, e.g. `['/usr/lib/node_modules/.../dist/cli/wic.js']`. */
  wicCommand: readonly string[];
  /** The Node binary and the built host, for the launcher `wic install` writes. */
  nodePath: string;
  hostScript: string;
  reg?: RegistryRunner;
}

/** A mistake in the command line: printed with a pointer to `wic --help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
