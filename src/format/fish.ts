import type { ProfileCredentials } from '../sts/credentials';
import { assertRepresentable, noNul, splitControlRuns, utf8HexEscapes, wellFormedUnicode } from './characters';
import { credentialEnvironment } from './credential-environment';

/**
 * Quotes any string as one fish word. Inside fish single quotes only `\\` and `\'` are escapes,
 * so both are escaped; control characters are written outside the quotes as `\xHH` per UTF-8
 * byte (fish treats `\xHH` as a raw byte), which keeps every line printable for pasting.
 * @see https://fishshell.com/docs/current/language.html#quotes
 */
function quoteFish(value: string): string {
  if (value === '') return "''";
  return splitControlRuns(value)
    .map(({ text, control }) =>
      control ? utf8HexEscapes(text) : `'${text.replace(/[\\']/g, '\\$&')}'`,
    )
    .join('');
}

/**
 * `set -gx NAME 'value'` lines for fish, exact for every value except those containing NUL or
 * unpaired surrogates, which throw a {@link FormatError} naming the variable.
 */
export function formatFish(credentials: ProfileCredentials): string {
  return credentialEnvironment(credentials)
    .map(({ name, value }) => {
      assertRepresentable(value, name, 'fish', [noNul, wellFormedUnicode]);
      return `set -gx ${name} ${quoteFish(value)}\n`;
    })
    .join('');
}
