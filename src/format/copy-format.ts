/**
 * The menu of ways to copy a profile's credentials, and the one function that renders any of
 * them. Each family lives in its own file; this module only routes.
 */
import type { ProfileCredentials } from '../sts/credentials';
import type { CopyFormat } from './copy-format-options';
import { formatBash } from './bash';
import { formatCredentialProcess } from './credential-process';
import { formatCredentialsFile } from './credentials-file';
import { formatDotenv } from './dotenv';
import { formatFish } from './fish';
import { assertRepresentable, isLineBreakOrControl, wellFormedUnicode } from './characters';
import { FormatError, FormatErrorCodes } from './format-error';
import { formatPowerShell } from './powershell';
import { formatWindowsCmd } from './windows-cmd';

export type { CopyFormat, CopyFormatKind, CopyFormatOption } from './copy-format-options';
export { copyFormats } from './copy-format-options';

/** What every format is rendered from. */
export interface FormatInput {
  /** The profile's id; names the section in `~/.aws/credentials`. */
  profileId: string;
  credentials: ProfileCredentials;
}

const formatters: Readonly<Record<CopyFormat, (input: FormatInput) => string>> = {
  bash: ({ credentials }) => formatBash(credentials),
  fish: ({ credentials }) => formatFish(credentials),
  powershell: ({ credentials }) => formatPowerShell(credentials),
  cmd: ({ credentials }) => formatWindowsCmd(credentials),
  'credentials-file': ({ profileId, credentials }) => formatCredentialsFile(profileId, credentials),
  'credential-process': ({ credentials }) => formatCredentialProcess(credentials),
  dotenv: ({ credentials }) => formatDotenv(credentials),
  'access-key-id': ({ credentials }) => singleValue(credentials.accessKeyId, 'the access key id'),
  'secret-access-key': ({ credentials }) => singleValue(credentials.secretAccessKey, 'the secret access key'),
  'session-token': ({ credentials }) => singleValue(credentials.sessionToken, 'the session token'),
  'assumed-role-arn': ({ credentials }) => {
    // An identity pool that chose the role itself does not say which one (GetCredentialsForIdentity).
    if (!credentials.assumedRoleArn) {
      throw new FormatError(FormatErrorCodes.invalidInput, 'assumedRoleArn', 'These credentials came from an identity pool that chose the role itself and did not say which, so there is no role ARN to copy; name the role in the profile\'s roleArn to have it.');
    }
    return singleValue(credentials.assumedRoleArn, 'the assumed role ARN');
  },
};

/**
 * A value copied alone is pasted raw into a terminal or a form, where a control character acts
 * (a line feed runs what was typed so far, an escape sequence drives the terminal) rather than
 * being inserted; so it is refused, as the shell formats escape and the file formats refuse it.
 */
function singleValue(value: string, field: string): string {
  assertRepresentable(value, field, 'a single value', [wellFormedUnicode, { test: isLineBreakOrControl, why: 'pasted, it would act instead of being inserted' }]);
  return value;
}

/**
 * Renders credentials as text to put on the clipboard. Shell and file formats end with a
 * newline; single values are the raw string, unchanged, and refuse control characters and line breaks.
 *
 * Rather than write text that would set a different value, it throws a {@link FormatError}
 * (`FORMAT_UNREPRESENTABLE_VALUE`, naming the variable or key) for values that hold:
 * - bash / zsh, fish: NUL;
 * - PowerShell: NUL, or nothing at all;
 * - Windows cmd: nothing at all, `%`, `!`, `"`, control characters, or a line over 8191 characters;
 * - ~/.aws/credentials: nothing at all, control characters or line breaks, whitespace at either
 *   end, `#` or `;` at the start or after whitespace;
 * - .env: control characters or line breaks, `#`, `$`, a leading quote, whitespace at either end;
 * - single values: control characters or line breaks;
 * - every format: unpaired surrogates.
 * Real STS values are base64-like and never hit these. It throws `FORMAT_INVALID_INPUT` for a
 * profile id the credentials file cannot name or an expiration outside years 0–9999, and
 * `FORMAT_UNKNOWN` for a format id that is not a {@link CopyFormat}.
 */
export function formatCredentials(format: CopyFormat, input: FormatInput): string {
  // Guards against ids from unchecked messages, including inherited names like "toString".
  if (!Object.hasOwn(formatters, format)) {
    throw new FormatError(FormatErrorCodes.unknownFormat, 'format', `Unknown copy format "${String(format)}".`);
  }
  return formatters[format](input);
}
