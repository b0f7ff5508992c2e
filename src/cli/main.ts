/**
 * wic: the command line. Built into dist/cli/wic.js, with dist/cli/wic-host.js beside it.
 * Output goes through process.stdout.write: stdout carries only what a command prints
 * (credential_process JSON, shell text), so nothing else may reach it.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { currentLocation } from '../host/socket-location';
import type { CliContext } from './cli-context';
import { runCli } from './run-cli';

const script = realpathSync(process.argv[1] ?? 'wic.js');

async function confirm(question: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await readline.question(`${question} [y/N] `)).trim());
  } finally {
    readline.close();
  }
}

const context: CliContext = {
  location: currentLocation(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  confirm: process.stdin.isTTY ? confirm : undefined,
  // Windows runs .js files with whatever is associated, not Node: name node.exe first.
  wicCommand: process.platform === 'win32' ? [process.execPath, script] : [script],
  nodePath: process.execPath,
  hostScript: path.join(path.dirname(script), 'wic-host.js'),
};

void runCli(context, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
