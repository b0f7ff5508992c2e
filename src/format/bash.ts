import type { ProfileCredentials } from '../sts/credentials';
import { assertRepresentable, noNul, splitControlRuns, utf8HexEscapes, wellFormedUnicode } from './characters';
import { credentialEnvironment } from './credential-environment';

/**
 * Quotes any string as one bash/zsh word. Ordinary text goes in single quotes, where only `'`
 * is special (written `'\''`); control characters go in ANSI-C `$'\xHH'` quotes, one escape per
 * UTF-8 byte, so every line stays printable and a paste cannot trigger completion (tab) or
 * turn a carriage return into a line feed. Single quotes also stop `!` history expansion.
 * @see https://www.gnu.org/software/bash/manual/html_node/Quoting.html
 */
function quoteBash(value: string): string {
  if (value === '') return "''";
  return splitControlRuns(value)
    .map(({ text, control }) =>
      control ? `$'${utf8HexEscapes(text)}'` : `'${text.replaceAll("'", "'\\''")}'`,
    )
    .join('');
}

/**
 * `export NAME='value'` lines for bash and zsh, exact for every value except those containing
 * NUL, which no environment variable can hold; that and unpaired surrogates throw a
 * {@link FormatError} naming the variable.
 */
export function formatBash(credentials: ProfileCredentials): string {
  return credentialEnvironment(credentials)
    .map(({ name, value }) => {
      assertRepresentable(value, name, 'bash / zsh', [noNul, wellFormedUnicode]);
      return `export ${name}=${quoteBash(value)}\n`;
    })
    .join('');
}
