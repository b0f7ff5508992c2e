// Exact output of every copy format for fixed credentials, and the registry the menu reads.
import type { CopyFormat } from '../../../src/format';
import { FormatError, FormatErrorCodes, copyFormats, formatCredentials } from '../../../src/format';
import type { ProfileCredentials } from '../../../src/sts/credentials';

const credentials: ProfileCredentials = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
  expiration: Date.UTC(2026, 10, 26, 18, 0, 0),
  assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Developer/alice',
  region: 'eu-central-1',
  sessionName: 'alice',
  issuedAt: Date.UTC(2026, 10, 26, 17, 0, 0),
};
const input = { profileId: 'dev', credentials };

const golden: Record<CopyFormat, string> = {
  bash: `export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'
export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='
export AWS_REGION='eu-central-1'
export AWS_DEFAULT_REGION='eu-central-1'
export AWS_CREDENTIAL_EXPIRATION='2026-11-26T18:00:00Z'
`,
  fish: `set -gx AWS_ACCESS_KEY_ID 'ASIAIOSFODNN7EXAMPLE'
set -gx AWS_SECRET_ACCESS_KEY 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
set -gx AWS_SESSION_TOKEN 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='
set -gx AWS_REGION 'eu-central-1'
set -gx AWS_DEFAULT_REGION 'eu-central-1'
set -gx AWS_CREDENTIAL_EXPIRATION '2026-11-26T18:00:00Z'
`,
  powershell: `$Env:AWS_ACCESS_KEY_ID = 'ASIAIOSFODNN7EXAMPLE'
$Env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$Env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=='
$Env:AWS_REGION = 'eu-central-1'
$Env:AWS_DEFAULT_REGION = 'eu-central-1'
$Env:AWS_CREDENTIAL_EXPIRATION = '2026-11-26T18:00:00Z'
`,
  cmd: `set "AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE"
set "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
set "AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=="
set "AWS_REGION=eu-central-1"
set "AWS_DEFAULT_REGION=eu-central-1"
set "AWS_CREDENTIAL_EXPIRATION=2026-11-26T18:00:00Z"
`,
  'credentials-file': `# ~/.aws/credentials (expires 2026-11-26T18:00:00Z)
[dev]
aws_access_key_id = ASIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==

# ~/.aws/config
[profile dev]
region = eu-central-1
`,
  'credential-process': `{
  "Version": 1,
  "AccessKeyId": "ASIAIOSFODNN7EXAMPLE",
  "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "SessionToken": "IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==",
  "Expiration": "2026-11-26T18:00:00Z"
}
`,
  dotenv: `AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==
AWS_REGION=eu-central-1
AWS_DEFAULT_REGION=eu-central-1
AWS_CREDENTIAL_EXPIRATION=2026-11-26T18:00:00Z
`,
  'access-key-id': 'ASIAIOSFODNN7EXAMPLE',
  'secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'session-token': 'IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding==',
  'assumed-role-arn': 'arn:aws:sts::123456789012:assumed-role/Developer/alice',
};

describe('formatCredentials golden output', () => {
  test.each(Object.entries(golden))('%s', (format, expected) => {
    expect(formatCredentials(format as CopyFormat, input)).toBe(expected);
  });

  // The tricky cases, pinned so a change in quoting style is a deliberate golden update.
  const tricky = {
    ...credentials,
    accessKeyId: "it's $HOME `id` \\ !!",
    secretAccessKey: 'line1\nline2\t\u0085é😀',
    sessionToken: '\u2018smart\u2019 -x',
  };
  const trickyInput = { profileId: 'dev', credentials: tricky };
  const firstLines = (format: CopyFormat): string[] =>
    formatCredentials(format, trickyInput).split('\n').slice(0, 3);

  test('bash quotes with single quotes and writes control characters as $\'\\xHH\'', () => {
    expect(firstLines('bash')).toEqual([
      `export AWS_ACCESS_KEY_ID='it'\\''s $HOME \`id\` \\ !!'`,
      `export AWS_SECRET_ACCESS_KEY='line1'$'\\x0a''line2'$'\\x09\\xc2\\x85''é😀'`,
      `export AWS_SESSION_TOKEN='\u2018smart\u2019 -x'`,
    ]);
  });

  test('fish escapes only \\ and \' inside quotes and writes controls as bare \\xHH', () => {
    expect(firstLines('fish')).toEqual([
      `set -gx AWS_ACCESS_KEY_ID 'it\\'s $HOME \`id\` \\\\ !!'`,
      `set -gx AWS_SECRET_ACCESS_KEY 'line1'\\x0a'line2'\\x09\\xc2\\x85'é😀'`,
      `set -gx AWS_SESSION_TOKEN '\u2018smart\u2019 -x'`,
    ]);
  });

  test('PowerShell doubles every single-quote character and joins [char] terms', () => {
    expect(firstLines('powershell')).toEqual([
      `$Env:AWS_ACCESS_KEY_ID = 'it''s $HOME \`id\` \\ !!'`,
      `$Env:AWS_SECRET_ACCESS_KEY = 'line1' + [char]0x0A + 'line2' + [char]0x09 + [char]0x85 + 'é😀'`,
      `$Env:AWS_SESSION_TOKEN = '\u2018\u2018smart\u2019\u2019 -x'`,
    ]);
    const leadingControl = { ...credentials, accessKeyId: '\tx' };
    expect(formatCredentials('powershell', { profileId: 'dev', credentials: leadingControl })).toMatch(
      /^\$Env:AWS_ACCESS_KEY_ID = '' \+ \[char\]0x09 \+ 'x'\n/,
    );
  });

  test('cmd keeps ^ & | < > ( ) literal inside the quotes', () => {
    const special = { ...credentials, accessKeyId: ' a^b&c|d<e>f(g)=h ' };
    expect(formatCredentials('cmd', { profileId: 'dev', credentials: special })).toMatch(
      /^set "AWS_ACCESS_KEY_ID= a\^b&c\|d<e>f\(g\)=h "\n/,
    );
  });

  test('single values are the raw strings, unchanged, and refuse what would act when pasted', () => {
    expect(formatCredentials('access-key-id', trickyInput)).toBe(tricky.accessKeyId);
    expect(formatCredentials('session-token', trickyInput)).toBe(tricky.sessionToken);
    expect(() => formatCredentials('secret-access-key', trickyInput)).toThrow('Cannot write the secret access key as a single value: it contains a line feed (U+000A) at character 6; pasted, it would act instead of being inserted.');
    for (const control of ['\u001b[2J', '\r', '\u009b', '\u2028', '\t']) {
      expect(() => formatCredentials('session-token', { profileId: 'dev', credentials: { ...credentials, sessionToken: `a${control}b` } })).toThrow(/Cannot write the session token as a single value/);
    }
  });

  test('the default profile is [default] in both files', () => {
    const text = formatCredentials('credentials-file', { profileId: 'default', credentials });
    expect(text.match(/^\[.*\]$/gm)).toEqual(['[default]', '[default]']);
  });

  test('expiration drops milliseconds, rounding down', () => {
    const late = { ...credentials, expiration: Date.UTC(2026, 10, 26, 17, 59, 59, 999) };
    expect(formatCredentials('dotenv', { profileId: 'dev', credentials: late })).toContain(
      'AWS_CREDENTIAL_EXPIRATION=2026-11-26T17:59:59Z\n',
    );
  });

  test.each([NaN, Infinity, 8.64e15, Date.UTC(10000, 0, 1)])('expiration %p is rejected', (expiration) => {
    const bad = { ...credentials, expiration };
    for (const format of ['bash', 'credentials-file', 'credential-process'] as const) {
      expect(() => formatCredentials(format, { profileId: 'dev', credentials: bad })).toThrow(
        expect.objectContaining({ code: FormatErrorCodes.invalidInput }),
      );
    }
  });
});

describe('copyFormats', () => {
  test('lists every format once, in menu order, with labels and kinds', () => {
    expect(copyFormats.map(({ id, label, kind }) => `${id} | ${label} | ${kind}`)).toEqual([
      'bash | bash / zsh | shell',
      'fish | fish | shell',
      'powershell | PowerShell | shell',
      'cmd | Windows cmd | shell',
      'credentials-file | ~/.aws/credentials | file',
      'credential-process | credential_process JSON | file',
      'dotenv | .env / docker --env-file | file',
      'access-key-id | Access key ID | value',
      'secret-access-key | Secret access key | value',
      'session-token | Session token | value',
      'assumed-role-arn | Assumed role ARN | value',
    ]);
    expect(copyFormats.map(({ id }) => id).sort()).toEqual(Object.keys(golden).sort());
  });

  test.each(['toString', '__proto__', 'zsh'])('an unknown format %p throws FORMAT_UNKNOWN', (format) => {
    const call = () => formatCredentials(format as CopyFormat, input);
    expect(call).toThrow(FormatError);
    expect(call).toThrow(expect.objectContaining({ code: FormatErrorCodes.unknownFormat }));
  });
});
