import type { ProfileCredentials } from '../sts/credentials';
import type { CharacterRule } from './characters';
import { assertNotEmpty, assertRepresentable, isControl, wellFormedUnicode } from './characters';
import { credentialEnvironment } from './credential-environment';
import { FormatError, FormatErrorCodes } from './format-error';

/** cmd.exe reads at most this many characters per command line. */
const maxLineLength = 8191;

/**
 * What `set "NAME=value"` cannot carry. Inside the quotes cmd takes `^ & | < > ( )` literally,
 * so those are fine; these are not, and cmd offers no escape that works both typed and in a
 * batch file.
 * @see https://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts
 */
const cmdRules: readonly CharacterRule[] = [
  {
    test: (char) => char === '%',
    why: 'cmd expands %NAME% even inside quotes, and %% means % only in batch files',
  },
  {
    test: (char) => char === '!',
    why: 'cmd expands !NAME! and drops carets when delayed expansion is on',
  },
  {
    test: (char) => char === '"',
    why: 'a quote would end the quoted text, exposing & | < > ^ to cmd and cutting the value short',
  },
  {
    test: isControl,
    why: 'a cmd line cannot hold it: line breaks end the command and other controls act as keys',
  },
  wellFormedUnicode,
];

/**
 * `set "NAME=value"` lines for Windows cmd.exe, the quoted form that keeps trailing spaces and
 * makes `^ & | < > ( )` literal.
 *
 * Throws a {@link FormatError} naming the variable when a value is empty (`set "NAME="` deletes
 * the variable), contains `%`, `!`, `"`, a control character (including newlines and tabs) or
 * an unpaired surrogate, or makes a line longer than cmd's 8191 characters. Real STS values
 * never contain these. Other Unicode is exact when pasted into a console; a saved `.cmd` file
 * with non-ASCII text needs `chcp 65001` and UTF-8 encoding.
 */
export function formatWindowsCmd(credentials: ProfileCredentials): string {
  return credentialEnvironment(credentials)
    .map(({ name, value }) => {
      assertNotEmpty(value, name, 'Windows cmd', '`set "NAME="` deletes the variable instead');
      assertRepresentable(value, name, 'Windows cmd', cmdRules);
      const line = `set "${name}=${value}"`;
      if (line.length > maxLineLength) {
        throw new FormatError(
          FormatErrorCodes.unrepresentable,
          name,
          `Cannot write ${name} as Windows cmd: the command would be ${line.length} characters long, and cmd reads at most ${maxLineLength}.`,
        );
      }
      return `${line}\n`;
    })
    .join('');
}
