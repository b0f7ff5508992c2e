/**
 * Reads copied credentials back the way their consumers would: shells run them, INI, JSON and
 * env files are parsed. Independent of the extension's formatters.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `script` in a real shell, then reads back every AWS_ variable its children see. */
export function environmentAfter(shell: 'bash' | 'fish', script: string): Record<string, string> {
  const home = mkdtempSync(path.join(tmpdir(), `wic-e2e-${process.pid}-shell-`));
  try {
    const args = shell === 'fish' ? ['--no-config', '-c', `${script}\nenv -0`] : ['-c', `${script}\nenv -0`];
    const output = execFileSync(shell, args, { env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home } });
    return Object.fromEntries(output.toString('utf8').split('\0').filter((entry) => entry.startsWith('AWS_')).map((entry) => {
      const equals = entry.indexOf('=');
      return [entry.slice(0, equals), entry.slice(equals + 1)];
    }));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Lines of `NAME<sep>VALUE` turned into a record, every line required to match. */
function linesToRecord(text: string, pattern: RegExp, unquote: (value: string) => string = (value) => value): Record<string, string> {
  return Object.fromEntries(text.trimEnd().split('\n').map((line) => {
    const match = pattern.exec(line);
    if (!match) throw new Error(`unexpected line ${JSON.stringify(line)}`);
    return [match[1] ?? '', unquote(match[2] ?? '')];
  }));
}

/** `$Env:NAME = 'value'` lines (PowerShell single quotes double an embedded quote). */
export const powerShellVariables = (text: string) => linesToRecord(text, /^\$Env:(\w+) = '(.*)'$/, (value) => value.replaceAll("''", "'"));

/** `set "NAME=value"` lines of Windows cmd. */
export const cmdVariables = (text: string) => linesToRecord(text, /^set "(\w+)=(.*)"$/);

/** `NAME=value` lines of a .env file. */
export const dotenvVariables = (text: string) => linesToRecord(text, /^(\w+)=(.*)$/);

/** An INI document (the AWS CLI's files): sections of `key = value`; `#` lines are comments. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const section = /^\[(.+)\]$/.exec(trimmed);
    if (section) {
      current = sections[section[1] ?? ''] = {};
      continue;
    }
    const pair = /^([\w.]+)\s*=\s*(.*)$/.exec(trimmed);
    if (!pair || !current) throw new Error(`unexpected line ${JSON.stringify(line)}`);
    current[pair[1] ?? ''] = pair[2] ?? '';
  }
  return sections;
}
