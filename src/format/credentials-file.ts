import type { ProfileCredentials } from '../sts/credentials';
import type { CharacterRule } from './characters';
import { assertNotEmpty, assertRepresentable, isLineBreakOrControl, wellFormedUnicode } from './characters';
import { FormatError, FormatErrorCodes } from './format-error';
import { isoExpiration } from './iso-expiration';

const profileIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * What an INI value cannot carry in every AWS reader: botocore's configparser, and the
 * JavaScript, Java and Go SDKs, which also end a value at ` #` or ` ;` (an inline comment).
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 */
const iniRules: readonly CharacterRule[] = [
  { test: isLineBreakOrControl, why: 'an INI line cannot hold it, and a line break would end the value' },
  {
    test: (char, { first, last }) => (first || last) && /^\s$/u.test(char),
    why: 'INI readers strip whitespace from both ends of a value',
  },
  {
    test: (char, { first }) => first && (char === '#' || char === ';'),
    why: 'it would follow the space after "=", where AWS SDKs read # or ; as the start of a comment',
  },
  wellFormedUnicode,
];

/** Rejects ` #` and ` ;` inside a value, which a per-character rule cannot see. */
function assertNoInlineComment(value: string, key: string): void {
  if (!/\s[#;]/u.test(value)) return;
  throw new FormatError(
    FormatErrorCodes.unrepresentable,
    key,
    `Cannot write ${key} as ~/.aws/credentials: it contains whitespace followed by # or ;, which AWS SDKs read as the start of a comment.`,
  );
}

function iniLine(key: string, value: string): string {
  assertNotEmpty(value, key, '~/.aws/credentials', 'the AWS SDK for JavaScript reads an empty value as a sub-section');
  assertRepresentable(value, key, '~/.aws/credentials', iniRules);
  assertNoInlineComment(value, key);
  return `${key} = ${value}\n`;
}

/**
 * A `~/.aws/credentials` section named after the profile, then the `~/.aws/config` section
 * that carries its region (the credentials file has no region setting; in config, profiles
 * other than `default` are written `[profile <id>]`). Comment lines say which file each goes in.
 *
 * Throws a {@link FormatError} for a profile id outside `^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`
 * (or `__proto__`, which the AWS SDK for JavaScript refuses for the whole file), and for values
 * that are empty, contain control characters or line breaks, have leading or trailing
 * whitespace, start with `#` or `;`, or contain whitespace followed by `#` or `;`.
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 */
export function formatCredentialsFile(profileId: string, credentials: ProfileCredentials): string {
  if (!profileIdPattern.test(profileId) || profileId === '__proto__') {
    throw new FormatError(
      FormatErrorCodes.invalidInput,
      'profileId',
      'Cannot write ~/.aws/credentials: the profile id must be 1–64 letters, digits, "_", "." or "-", start with a letter or digit, and not be __proto__.',
    );
  }
  const expiration = isoExpiration(credentials.expiration, 'expiration');
  const configSection = profileId === 'default' ? '[default]' : `[profile ${profileId}]`;
  return [
    `# ~/.aws/credentials (expires ${expiration})\n`,
    `[${profileId}]\n`,
    iniLine('aws_access_key_id', credentials.accessKeyId),
    iniLine('aws_secret_access_key', credentials.secretAccessKey),
    iniLine('aws_session_token', credentials.sessionToken),
    '\n',
    '# ~/.aws/config\n',
    `${configSection}\n`,
    iniLine('region', credentials.region),
  ].join('');
}
