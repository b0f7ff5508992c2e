// PowerShell and cmd.exe are not installed here, so their output is read back by small models
// of the parts of each parser our lines touch. A model is only as faithful as its rules: each
// rule below cites the behaviour it copies, and the sanity tests show it catches naive output.
import { FormatError, FormatErrorCodes, formatCredentials } from '../../../src/format';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { credentialsFrom, expectedEnvironment, randomValues, withSeed } from './property-support';

// ---- PowerShell model ----------------------------------------------------------------------

/** PowerShell's tokenizer takes all of these as a single quote (CharTraits.IsSingleQuote). */
const psSingleQuotes = "'\u2018\u2019\u201a\u201b";

/**
 * Runs `$Env:NAME = <expr>` statements, where <expr> is single-quoted strings and `[char]0xHH`
 * joined by `+`. Inside a single-quoted string a quote character followed by another ends
 * nothing: the second is kept (Tokenizer.ScanStringLiteral). `+` concatenates only when its
 * left operand is a string; `[char] + …` would add numbers, so the model refuses it.
 */
function runPowerShell(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  let pos = 0;
  const peek = () => script[pos] ?? '';
  const expect_ = (text: string) => {
    if (!script.startsWith(text, pos)) throw new Error(`expected ${JSON.stringify(text)} at ${pos}`);
    pos += text.length;
  };
  const string = (): string => {
    pos++;
    let value = '';
    for (;;) {
      if (pos >= script.length) throw new Error('unterminated string');
      const char = script[pos++] ?? '';
      if (psSingleQuotes.includes(char)) {
        if (!psSingleQuotes.includes(peek())) return value;
        value += script[pos++];
      } else {
        value += char;
      }
    }
  };
  while (pos < script.length) {
    const name = /^\$Env:([A-Z_]+) = /.exec(script.slice(pos));
    if (name === null) throw new Error(`expected an assignment at ${pos}`);
    pos += name[0].length;
    if (!psSingleQuotes.includes(peek())) throw new Error('expression must start with a string');
    let value = string();
    while (script.startsWith(' + ', pos)) {
      pos += 3;
      const char = /^\[char\]0x([0-9A-F]{2})/.exec(script.slice(pos));
      if (char !== null) {
        value += String.fromCharCode(parseInt(char[1] ?? '', 16));
        pos += char[0].length;
      } else if (psSingleQuotes.includes(peek())) {
        value += string();
      } else {
        throw new Error(`unexpected term at ${pos}`);
      }
    }
    expect_('\n');
    env[name[1] ?? ''] = value;
  }
  return env;
}

// ---- cmd.exe model -------------------------------------------------------------------------

interface CmdMode {
  batch: boolean;
  delayedExpansion: boolean;
}

const cmdModes: CmdMode[] = [
  { batch: false, delayedExpansion: false },
  { batch: false, delayedExpansion: true },
  { batch: true, delayedExpansion: false },
  { batch: true, delayedExpansion: true },
];

/**
 * Runs `set` lines the way cmd.exe does, following the phases in
 * https://stackoverflow.com/questions/4094699 :
 * 1. percent expansion, even inside quotes (`%%` is `%` only in batch files; an undefined
 *    `%NAME%` stays as typed at the prompt and vanishes in a batch file);
 * 2. carriage returns removed; quotes toggle quoting; outside quotes `^` escapes the next
 *    character and `& | < >` are operators (the model refuses them);
 * 5. with delayed expansion on and a `!` on the line, `!NAME!` expands and carets are dropped,
 *    inside quotes too;
 * then `set "NAME=value"` takes the text between the first and the last quote, splits it at
 * the first `=`, and deletes the variable when the value is empty.
 */
function runCmd(script: string, mode: CmdMode, initial: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { ...initial };
  for (const rawLine of script.split('\n')) {
    if (rawLine === '') continue;
    let line = rawLine.replace(/%(%|[^%]*%)?/g, (match: string, rest: string | undefined) => {
      if (rest === '%') return mode.batch ? '%' : '%%';
      if (rest === undefined) return mode.batch ? '' : match;
      const value = env[rest.slice(0, -1).toUpperCase()];
      return value ?? (mode.batch ? '' : match);
    });
    let parsed = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i] ?? '';
      if (char === '\r') continue;
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === '^') {
        i++;
        if (i >= line.length) throw new Error('line continuation');
        parsed += line[i];
        continue;
      } else if (!quoted && '&|<>'.includes(char)) throw new Error(`operator ${char} outside quotes`);
      parsed += char;
    }
    line = parsed;
    if (mode.delayedExpansion && line.includes('!')) {
      line = line
        .replace(/!([^!]*)!/g, (_match, name: string) => env[name.toUpperCase()] ?? '')
        .replace(/\^(.)/gs, '$1');
    }
    // cmd.exe ends lines only at CR and LF: U+2028 and U+2029 are ordinary characters here, hence the s flag.
    const set = /^set "(.*)"[^"]*$/s.exec(line);
    if (set === null) throw new Error(`not a quoted set command: ${JSON.stringify(line)}`);
    const body = set[1] ?? '';
    const equals = body.indexOf('=');
    const name = body.slice(0, equals).toUpperCase();
    const value = body.slice(equals + 1);
    if (value === '') delete env[name];
    else env[name] = value;
  }
  return env;
}

const cmdForbidden = (value: string): boolean =>
  Array.from(value).some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return '%!"'.includes(char) || code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

// ---- shared cases --------------------------------------------------------------------------

const trickyValues = [
  ' ',
  "'",
  "''",
  '\u2018\u2019\u201a\u201b',
  "'\u2018'",
  '\u201c\u201d\u201e',
  '\\',
  '$HOME',
  '$(Get-Process)',
  '`n`$',
  '@(1)',
  '^x^',
  '^^',
  '&|<>',
  '()',
  '=',
  'a=b=c',
  ' leading and trailing ',
  'é日本語',
  '😀',
  '-x --y',
  '#;',
  'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
];

/** Values only some formats can carry: PowerShell takes them all, cmd refuses them all. */
const psOnlyValues = ['%PATH%', '%%', '!PATH!', '!', '"', 'a"&echo"', '\n', 'cr\r\n', '\t', '\u0001\u001b\u007f', '\u0085\u009b'];

function* groups(values: readonly string[]): Generator<ProfileCredentials> {
  for (let offset = 0; offset < 4; offset++) {
    for (let i = 0; i < values.length; i += 4) {
      yield credentialsFrom([0, 1, 2, 3].map((k) => values[(i + k + offset) % values.length] ?? ''));
    }
  }
}


function randomValue(random: () => number): string {
  const special = [..."'\"\\$`!%^&|;<>(){}[]@#= -\t\n\r", ...psSingleQuotes, '\u201c', '\u201d'];
  const pick = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  let value = '';
  for (let i = pick(0, 16); i > 0; i--) {
    const kind = random();
    if (kind < 0.2) value += special[pick(0, special.length - 1)];
    else if (kind < 0.85) value += String.fromCharCode(pick(0x20, 0x7e));
    else if (kind < 0.9) value += String.fromCharCode(pick(1, 0x9f));
    else if (kind < 0.97) value += String.fromCharCode(pick(0xa0, 0xd7ff));
    else value += String.fromCodePoint(pick(0x10000, 0x10ffff));
  }
  return value;
}

const randomStrings = (count: number): string[] => randomValues(count, randomValue);


const format = (kind: 'powershell' | 'cmd', credentials: ProfileCredentials) =>
  formatCredentials(kind, { profileId: 'dev', credentials });

// ---- tests ---------------------------------------------------------------------------------

describe('PowerShell (model)', () => {
  test('the model reads naive quoting differently, so it can catch mistakes', () => {
    expect(() => runPowerShell("$Env:X = 'it's'\n")).toThrow();
    expect(runPowerShell("$Env:X = 'it\u2019's'\n")).toEqual({ X: "it's" });
    expect(() => runPowerShell("$Env:X = [char]0x0A + 'x'\n")).toThrow('must start with a string');
  });

  test('every tricky value round-trips, in every variable', () => {
    for (const credentials of groups([...trickyValues, ...psOnlyValues])) {
      expect(runPowerShell(format('powershell', credentials))).toEqual(expectedEnvironment(credentials));
    }
  });

  test('500 random values round-trip', () => {
    const values = randomStrings(500).map((value) => (value === '' ? 'x' : value));
    withSeed(() => {
      for (const credentials of groups(values)) {
        expect(runPowerShell(format('powershell', credentials))).toEqual(expectedEnvironment(credentials));
      }
    });
  });

  test.each([
    ['empty', '', /it is empty, and assigning an empty string removes the variable\.$/],
    ['NUL', 'a\u0000', /NUL \(U\+0000\) at character 2; no environment variable can hold it\.$/],
  ])('rejects a value that is %s', (_what, value, message) => {
    const call = () => format('powershell', credentialsFrom(['AKIA', value]));
    expect(call).toThrow(FormatError);
    expect(call).toThrow(
      expect.objectContaining({ code: FormatErrorCodes.unrepresentable, field: 'AWS_SECRET_ACCESS_KEY', message: expect.stringMatching(message) }),
    );
  });
});

describe('Windows cmd (model)', () => {
  test('the model shows why % ! " are refused', () => {
    const env = { PATH: 'C:\\Windows' };
    const interactive = { batch: false, delayedExpansion: false };
    expect(runCmd('set "X=a%PATH%b"\n', interactive, env).X).toBe('aC:\\Windowsb');
    expect(runCmd('set "X=100%%"\n', interactive).X).toBe('100%%');
    expect(runCmd('set "X=100%%"\n', { batch: true, delayedExpansion: false }).X).toBe('100%');
    expect(runCmd('set "X=a!PATH!^b"\n', { batch: false, delayedExpansion: true }, env).X).toBe('aC:\\Windowsb');
    expect(() => runCmd('set "X=a"&calc&"b"\n', interactive)).toThrow('operator &');
    expect(runCmd('set "X="\n', interactive, { X: 'old' })).toEqual({});
  });

  test.each(cmdModes)('tricky values round-trip (batch: $batch, delayed expansion: $delayedExpansion)', (mode) => {
    const initial = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\alice' };
    for (const credentials of groups(trickyValues)) {
      expect(runCmd(format('cmd', credentials), mode, initial)).toEqual({ ...initial, ...expectedEnvironment(credentials) });
    }
  });

  test.each(psOnlyValues.map((value) => [JSON.stringify(value), value]))('refuses %s, naming the variable', (_shown, value) => {
    expect(() => format('cmd', credentialsFrom(['AKIA', 'secret', `ok${value}`]))).toThrow(
      expect.objectContaining({
        code: FormatErrorCodes.unrepresentable,
        field: 'AWS_SESSION_TOKEN',
        message: expect.stringMatching(/^Cannot write AWS_SESSION_TOKEN as Windows cmd: it contains .* at character \d+; /),
      }),
    );
  });

  test('refuses empty values, NUL and lines longer than 8191 characters', () => {
    expect(() => format('cmd', credentialsFrom(['']))).toThrow(/AWS_ACCESS_KEY_ID.*it is empty, and `set "NAME="` deletes/);
    expect(() => format('cmd', credentialsFrom(['\u0000']))).toThrow(/NUL \(U\+0000\)/);
    const longest = 'x'.repeat(8191 - 'set "AWS_SESSION_TOKEN="'.length);
    expect(format('cmd', credentialsFrom(['AKIA', 'secret', longest]))).toContain(longest);
    expect(() => format('cmd', credentialsFrom(['AKIA', 'secret', `${longest}x`]))).toThrow(
      /AWS_SESSION_TOKEN as Windows cmd: the command would be 8192 characters long, and cmd reads at most 8191\./,
    );
  });

  test('500 random values: refused exactly when they hold % ! " or a control, else exact in every mode', () => {
    withSeed(() => {
      for (const value of randomStrings(500)) {
        const credentials = credentialsFrom(['AKIA', 'secret', value]);
        if (value === '' || cmdForbidden(value)) {
          expect(() => format('cmd', credentials)).toThrow(FormatError);
          continue;
        }
        for (const mode of cmdModes) {
          expect(runCmd(format('cmd', credentials), mode)).toEqual(expectedEnvironment(credentials));
        }
      }
    });
  });
});
