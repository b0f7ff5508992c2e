// Reads the file formats back with models of their readers and checks the values survive, or
// that the formatter refuses them with a FormatError that names the key.
import type { CopyFormat } from '../../../src/format';
import { FormatError, FormatErrorCodes, formatCredentials } from '../../../src/format';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { credentialsFrom, randomValues, withSeed } from './property-support';


const format = (kind: CopyFormat, credentials: ProfileCredentials, profileId = 'dev') =>
  formatCredentials(kind, { profileId, credentials });

/**
 * The strictest reading of an AWS INI file, combining botocore's RawConfigParser (lines end at
 * \r or \n, whole-line # and ; comments, the value is stripped, indented lines continue the
 * previous value) with the JavaScript SDK's parseIni (a # or ; after whitespace starts a
 * comment, and an empty value opens a sub-section). Anything a reader would read differently
 * makes the model throw or return a different value.
 */
function readIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (/^\s/.test(line)) throw new Error(`continuation line: ${JSON.stringify(line)}`);
    const section = /^\[([^\]]+)\]$/.exec(trimmed);
    if (section !== null) {
      current = sections[section[1] ?? ''] = {};
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/s.exec(line);
    if (pair === null || current === undefined) throw new Error(`not a key line: ${JSON.stringify(line)}`);
    const value = (pair[2] ?? '').split(/(?:^|\s)[#;]/)[0]?.trim() ?? '';
    if (value === '') throw new Error('empty value opens a sub-section in the JavaScript SDK');
    current[pair[1] ?? ''] = value;
  }
  return sections;
}

/**
 * `docker run --env-file` (docker/cli kvfile.Parse): lines split at \n with a trailing \r
 * dropped, leading whitespace trimmed, blank and # lines skipped, split at the first `=`,
 * value taken literally.
 */
function readDockerEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '').trimStart();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    env[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return env;
}

/** An unquoted value as node `dotenv`, python-dotenv and Compose read it, roughly. */
function readDotenvUnquoted(value: string): string {
  return value.split('#')[0]?.trim().replace(/^(["'`])(.*)\1$/, '$2') ?? '';
}


function randomValue(random: () => number): string {
  const special = [..."'\"\\$`!%^&|;#<>[]=: \t\n\r\u000b\u000c\u0085\u00a0\u2028\ufeff"];
  const pick = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  let value = '';
  for (let i = pick(0, 16); i > 0; i--) {
    const kind = random();
    if (kind < 0.2) value += special[pick(0, special.length - 1)];
    else if (kind < 0.85) value += String.fromCharCode(pick(0x21, 0x7e));
    else if (kind < 0.97) value += String.fromCharCode(pick(0xa1, 0xd7ff));
    else value += String.fromCodePoint(pick(0x10000, 0x10ffff));
  }
  return value;
}

const randomStrings = (count: number): string[] => randomValues(count, randomValue);


const hardValues = ['a=b', 'a:b', 'a;b', 'a#b', '[x]', "it's \"quoted\"", '%(x)s', 'é日本😀', 'IQoJ+/=='];

describe('~/.aws/credentials', () => {
  test('reads back as the credentials section and the config section', () => {
    const credentials = credentialsFrom(hardValues.slice(0, 4));
    expect(readIni(format('credentials-file', credentials))).toEqual({
      dev: {
        aws_access_key_id: 'a=b',
        aws_secret_access_key: 'a:b',
        aws_session_token: 'a;b',
      },
      'profile dev': { region: 'a#b' },
    });
  });

  test.each([
    ['a line feed', 'a\nb', /a line feed \(U\+000A\) at character 2; an INI line cannot hold it/],
    ['a carriage return', 'a\rb', /a carriage return \(U\+000D\)/],
    ['a tab', 'a\tb', /a tab \(U\+0009\)/],
    ['a line separator', 'a\u2028b', /a line separator \(U\+2028\)/],
    ['a leading space', ' ab', /a space \(U\+0020\) at character 1; INI readers strip whitespace/],
    ['a trailing no-break space', 'ab\u00a0', /a whitespace character \(U\+00A0\) at character 3/],
    ['a leading #', '#ab', /"#" \(U\+0023\) at character 1; it would follow the space after "="/],
    ['a leading ;', ';ab', /";" \(U\+003B\)/],
    ['whitespace then #', 'a #b', /whitespace followed by # or ;, which AWS SDKs read as the start of a comment/],
    ['whitespace then ;', 'a\u3000;b', /whitespace followed by # or ;/],
    ['nothing', '', /it is empty, and the AWS SDK for JavaScript reads an empty value as a sub-section/],
    ['an unpaired surrogate', 'a\udc00', /an unpaired surrogate \(U\+DC00\)/],
  ])('refuses a value with %s, naming the key', (_what, value, message) => {
    const call = () => format('credentials-file', credentialsFrom(['AKIA', 'secret', value]));
    expect(call).toThrow(FormatError);
    expect(call).toThrow(expect.objectContaining({ code: FormatErrorCodes.unrepresentable, field: 'aws_session_token' }));
    expect(call).toThrow(message);
  });

  test('refuses a bad region under its own key', () => {
    expect(() => format('credentials-file', credentialsFrom(['AKIA', 'secret', 'token', 'eu\nwest']))).toThrow(
      expect.objectContaining({ field: 'region' }),
    );
  });

  test.each(['', '-dev', 'a b', 'a]b', 'a\nb', 'x'.repeat(65), '__proto__'])('refuses profile id %p', (profileId) => {
    expect(() => format('credentials-file', credentialsFrom([]), profileId)).toThrow(
      expect.objectContaining({ code: FormatErrorCodes.invalidInput, field: 'profileId' }),
    );
  });

  test('accepts the longest and oddest valid profile ids', () => {
    for (const profileId of ['x'.repeat(64), '0', 'a_b.c-d', 'Default']) {
      expect(Object.keys(readIni(format('credentials-file', credentialsFrom([]), profileId)))).toEqual([
        profileId,
        `profile ${profileId}`,
      ]);
    }
  });

  test('500 random values: each is refused or read back exactly', () => {
    withSeed(() => {
      let accepted = 0;
      for (const value of randomStrings(500)) {
        const credentials = credentialsFrom(['AKIA', value]);
        let text: string;
        try {
          text = format('credentials-file', credentials);
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
          continue;
        }
        accepted++;
        expect(readIni(text).dev?.aws_secret_access_key).toBe(value);
      }
      expect(accepted).toBeGreaterThan(100);
    });
  });
});

describe('credential_process JSON', () => {
  const expected = (credentials: ProfileCredentials) => ({
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: '2026-11-26T18:00:00Z',
  });

  test('carries every character but unpaired surrogates', () => {
    const credentials = credentialsFrom(['"\\\u0000\n\u2028', '</script>', '😀\u007f']);
    expect(JSON.parse(format('credential-process', credentials))).toEqual(expected(credentials));
    expect(() => format('credential-process', credentialsFrom(['AKIA', '\ud800']))).toThrow(
      expect.objectContaining({ code: FormatErrorCodes.unrepresentable, field: 'SecretAccessKey' }),
    );
  });

  test('500 random values read back exactly', () => {
    withSeed(() => {
      const values = randomStrings(500);
      for (let i = 0; i < values.length; i += 3) {
        const credentials = credentialsFrom(values.slice(i, i + 3));
        expect(JSON.parse(format('credential-process', credentials))).toEqual(expected(credentials));
      }
    });
  });
});

describe('.env / docker --env-file', () => {
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION'];

  test('reads back literally, in Docker and in parsing .env readers alike', () => {
    const values = ['a=b', "it's", 'a\\nb', 'é日本😀'];
    const env = readDockerEnvFile(format('dotenv', credentialsFrom(values)));
    expect(names.map((name) => env[name])).toEqual(values);
    expect(values.map(readDotenvUnquoted)).toEqual(values);
  });

  test.each([
    ['a line feed', 'a\nb', /a line feed \(U\+000A\) at character 2; an env file line cannot hold it/],
    ['a carriage return', 'ab\r', /a carriage return \(U\+000D\)/],
    ['NUL', 'a\u0000', /NUL \(U\+0000\) at character 2; no environment variable can hold it/],
    ['a #', 'a#b', /"#" \(U\+0023\) at character 2; \.env readers other than Docker start a comment there/],
    ['a $', '$HOME', /"\$" \(U\+0024\) at character 1; Docker Compose and python-dotenv expand variables there/],
    ['a leading quote', '"ab"', /a double quote \(U\+0022\) at character 1; \.env readers other than Docker take a leading quote as quoting/],
    ['a trailing space', 'ab ', /a space \(U\+0020\) at character 3; \.env readers other than Docker strip whitespace/],
  ])('refuses a value with %s, naming the variable', (_what, value, message) => {
    const call = () => format('dotenv', credentialsFrom(['AKIA', 'secret', value]));
    expect(call).toThrow(expect.objectContaining({ code: FormatErrorCodes.unrepresentable, field: 'AWS_SESSION_TOKEN' }));
    expect(call).toThrow(message);
  });

  test('500 random values: each is refused or read back exactly by every reader', () => {
    withSeed(() => {
      for (const value of randomStrings(500)) {
        let text: string;
        try {
          text = format('dotenv', credentialsFrom(['AKIA', value]));
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
          continue;
        }
        expect(readDockerEnvFile(text).AWS_SECRET_ACCESS_KEY).toBe(value);
        expect(readDotenvUnquoted(value)).toBe(value);
      }
    });
  });
});

describe('the assumed role ARN of identity pool credentials', () => {
  it('is refused with the reason when the pool chose the role and did not say which', () => {
    const credentials = { accessKeyId: 'ASIAPOOL', secretAccessKey: 's', sessionToken: 't', expiration: Date.UTC(2030, 0, 1), assumedRoleArn: '', region: 'eu-west-1', sessionName: 'CognitoIdentityCredentials', issuedAt: Date.UTC(2029, 11, 31) };
    expect(() => formatCredentials('assumed-role-arn', { profileId: 'pool', credentials })).toThrow('no role ARN to copy');
    expect(formatCredentials('access-key-id', { profileId: 'pool', credentials })).toBe('ASIAPOOL');
  });
});
