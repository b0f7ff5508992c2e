// Runs the bash/zsh and fish output in the real shells and compares, byte for byte, what a child
// process then finds in its environment: the thing the AWS CLI would read.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CopyFormat } from '../../../src/format';
import { FormatErrorCodes, formatCredentials } from '../../../src/format';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { credentialsFrom, expectedEnvironment, randomSource, withSeed } from './property-support';

type Shell = 'bash' | 'zsh' | 'fish';

const shellFormat: Record<Shell, CopyFormat> = { bash: 'bash', zsh: 'bash', fish: 'fish' };
// No startup files, so nothing but our script touches the environment; the script is stdin.
const shellArgs = (shell: Shell, interactive: boolean): string[] =>
  ({
    bash: ['--norc', '--noprofile', ...(interactive ? ['-i'] : []), '-s'],
    zsh: ['-f', ...(interactive ? ['-i'] : []), '-s'],
    fish: ['--no-config', ...(interactive ? ['-i'] : [])],
  })[shell];
const endMarker = '--end-of-case--';
const locales = ['C', 'C.UTF-8'];

const isCi = !['', '0', 'false', undefined].includes(process.env.CI);

function installed(shell: Shell): boolean {
  try {
    execFileSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const home = mkdtempSync(join(tmpdir(), 'format-shells-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));


/** What each variable should hold, as the bytes a child process sees (latin1 keeps bytes 1:1). */
function expectedBytes(credentials: ProfileCredentials): Record<string, string> {
  const expected = Object.entries(expectedEnvironment(credentials));
  return Object.fromEntries(expected.map(([name, value]) => [name, Buffer.from(value, 'utf8').toString('latin1')]));
}

/**
 * Runs every case in one shell process: the formatted lines, then `env -0` (a child process
 * printing its environment NUL-separated), then a marker that ends the case.
 */
function runCases(
  shell: Shell,
  cases: readonly ProfileCredentials[],
  options: { locale: string; interactive?: boolean },
): Record<string, string>[] {
  const script = cases
    .map((credentials) => {
      const lines = formatCredentials(shellFormat[shell], { profileId: 'dev', credentials });
      return `${lines}env -0\nprintf '%s\\0' '${endMarker}'\n`;
    })
    .join('');
  // A file, not a pipe, on stdin: fish 3.6 refuses the socket Node uses for `input`.
  const scriptPath = join(home, 'script');
  writeFileSync(scriptPath, script);
  const stdin = openSync(scriptPath, 'r');
  const locale = options.locale;
  const result = spawnSync(shell, shellArgs(shell, options.interactive ?? false), {
    stdio: [stdin, 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, LANG: locale, LC_ALL: locale },
    maxBuffer: 64 * 1024 * 1024,
  });
  closeSync(stdin);
  if (result.status !== 0) {
    throw new Error(`${shell} exited with ${String(result.status ?? result.signal)}:\n${result.stderr.toString()}`);
  }
  const stdout = result.stdout;
  const results: Record<string, string>[] = [];
  let current: Record<string, string> = {};
  for (const record of stdout.toString('latin1').split('\0')) {
    if (record === endMarker) {
      results.push(current);
      current = {};
    } else if (record.startsWith('AWS_')) {
      const equals = record.indexOf('=');
      current[record.slice(0, equals)] = record.slice(equals + 1);
    }
  }
  return results;
}

// Every character that means something to some shell, controls, and Unicode that shells or
// terminals have special cases for (smart quotes, fish's private-use and reserved ranges).
const trickyValues = [
  '',
  ' ',
  "'",
  "''",
  '"',
  '\\',
  '\\\\',
  "\\'",
  '$HOME',
  '${HOME}',
  '$(id)',
  '`id`',
  '!',
  '!!',
  '!$',
  'a!b',
  '^x^y',
  '%PATH%',
  '%%',
  '&|;<>(){}[]*?~#',
  '-n',
  '--',
  '-e \\n',
  ' leading and trailing ',
  'tab\there',
  'new\nline',
  'cr\rlf\r\n',
  '\n',
  '\u0001\u0002\u0003\u001b[31m\u007f',
  '\u0080\u0085\u009b\u009f',
  'é日本語',
  '😀🏳️‍🌈',
  '\u00a0\u2028\u2029\u200b\ufeff',
  '\u2018\u2019\u201a\u201b\u201c\u201d\u201e',
  '\uf600\uf6ff\uf73f\ufdd0\ufdef\ufffe\uffff',
  "it's a \"test\" with $var and `cmd` and \\n and !hist",
  'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
];

/** Groups tricky values four to a case, covering every value in every variable slot. */
function trickyCases(): ProfileCredentials[] {
  const cases: ProfileCredentials[] = [];
  for (let offset = 0; offset < 4; offset++) {
    for (let i = 0; i < trickyValues.length; i += 4) {
      const group = [0, 1, 2, 3].map((k) => trickyValues[(i + k + offset) % trickyValues.length] ?? '');
      cases.push(credentialsFrom(group, ['', '', '', '']));
    }
  }
  return cases;
}


/** Random strings weighted toward what breaks quoting; never NUL or unpaired surrogates. */
function randomValue(random: () => number): string {
  const special = [..."'\"\\$`!%^&|;<>(){}[]*?~#= -\t\n\r", '\u2018', '\u2019', '\u201a', '\u201b', '\u201c'];
  const pick = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const length = pick(0, 24);
  let value = '';
  for (let i = 0; i < length; i++) {
    const kind = random();
    if (kind < 0.35) value += special[pick(0, special.length - 1)];
    else if (kind < 0.6) value += String.fromCharCode(pick(0x20, 0x7e));
    else if (kind < 0.72) value += String.fromCharCode(pick(1, 0x1f));
    else if (kind < 0.78) value += String.fromCharCode(pick(0x7f, 0x9f));
    else if (kind < 0.92) value += String.fromCharCode(pick(0xa0, 0xd7ff));
    else if (kind < 0.96) value += String.fromCharCode(pick(0xe000, 0xffff));
    else value += String.fromCodePoint(pick(0x10000, 0x10ffff));
  }
  return value;
}

const randomCases = (count: number): ProfileCredentials[] => {
  const random = randomSource();
  return Array.from({ length: count }, () =>
    credentialsFrom([randomValue(random), randomValue(random), randomValue(random), randomValue(random)], ['', '', '', '']),
  );
};

function describeShell(shell: Shell, required: boolean): void {
  if (!installed(shell)) {
    if (required) {
      test(`${shell} is installed (required when CI is set)`, () => {
        throw new Error(`${shell} is not on PATH; CI must install it (Debian: apt-get install -y ${shell}).`);
      });
    } else {
      test.skip(`${shell} round trips (skipped: ${shell} is not installed)`, () => undefined);
    }
    return;
  }

  describe(`${shell} round trips`, () => {
    test.each(locales)('every tricky value survives in locale %s', (locale) => {
      const cases = trickyCases();
      expect(runCases(shell, cases, { locale })).toEqual(cases.map(expectedBytes));
    });

    test('500 random values survive', () => {
      const cases = randomCases(125);
      withSeed(() => expect(runCases(shell, cases, { locale: 'C.UTF-8' })).toEqual(cases.map(expectedBytes)));
    });

    if (shell !== 'fish') {
      // Interactive shells expand history (`!!`); single quotes must stop it in pasted lines.
      test('every tricky value survives an interactive shell with history expansion', () => {
        const cases = trickyCases();
        expect(runCases(shell, cases, { locale: 'C.UTF-8', interactive: true })).toEqual(
          cases.map(expectedBytes),
        );
      });
    }
  });
}

describeShell('bash', true);
describeShell('fish', isCi);
describeShell('zsh', false);

describe.each(['bash', 'fish'] as const)('%s output for pasting', (format) => {
  test('every line is printable: no tabs, carriage returns or other controls to act as keys', () => {
    for (const credentials of [...trickyCases(), ...randomCases(125)]) {
      const text = formatCredentials(format, { profileId: 'dev', credentials });
      const lines = text.split('\n');
      expect(lines).toHaveLength(7);
      expect(lines.pop()).toBe('');
      const controls = Array.from(lines.join('')).filter((char) => {
        const code = char.codePointAt(0) ?? 0;
        return code < 0x20 || (code >= 0x7f && code <= 0x9f);
      });
      expect(controls).toEqual([]);
    }
  });

  test.each([
    ['NUL', 'a\u0000b'],
    ['an unpaired surrogate', 'a\ud800b'],
  ])('rejects %s, naming the variable but not the value', (_what, value) => {
    const credentials = credentialsFrom(['AKIA', 'secret', value, 'eu-west-1']);
    expect(() => formatCredentials(format, { profileId: 'dev', credentials })).toThrow(
      expect.objectContaining({
        code: FormatErrorCodes.unrepresentable,
        field: 'AWS_SESSION_TOKEN',
        message: expect.stringMatching(/^Cannot write AWS_SESSION_TOKEN as .*\(U\+(0000|D800)\) at character 2; /),
      }),
    );
  });
});
