import type { ProfileCredentials } from '../sts/credentials';
import { assertNotEmpty, assertRepresentable, noNul, splitControlRuns, wellFormedUnicode } from './characters';
import { credentialEnvironment } from './credential-environment';

/**
 * PowerShell's tokenizer closes a single-quoted string at any of these, not just `'`, and reads
 * any one of them doubled as a literal.
 * @see https://github.com/PowerShell/PowerShell/blob/master/src/System.Management.Automation/engine/parser/CharTraits.cs
 */
const singleQuotes = /['\u2018\u2019\u201a\u201b]/g;

/**
 * Quotes any string as a PowerShell expression. Ordinary text goes in single quotes, where
 * nothing expands and each quote character is doubled; control characters become
 * `[char]0xHH` terms joined with `+`, keeping lines printable for pasting. The expression
 * always starts with a string so `+` concatenates instead of adding char codes.
 * @see https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules
 */
function quotePowerShell(value: string): string {
  const terms = splitControlRuns(value).flatMap(({ text, control }) =>
    control
      ? Array.from(text, (char) => `[char]0x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
      : [`'${text.replace(singleQuotes, '$&$&')}'`],
  );
  if (terms.length === 0 || !(terms[0] ?? '').startsWith("'")) terms.unshift("''");
  return terms.join(' + ');
}

/**
 * `$Env:NAME = 'value'` lines for Windows PowerShell 5.1 and PowerShell 7.
 *
 * Throws a {@link FormatError} naming the variable for values that are empty (assigning `''`
 * removes an environment variable instead of setting it), or contain NUL or unpaired
 * surrogates. Everything else, including newlines and smart quotes, is exact when pasted; a
 * saved `.ps1` with non-ASCII text needs a UTF-8 BOM for Windows PowerShell 5.1 to read it.
 */
export function formatPowerShell(credentials: ProfileCredentials): string {
  return credentialEnvironment(credentials)
    .map(({ name, value }) => {
      assertNotEmpty(value, name, 'PowerShell', 'assigning an empty string removes the variable');
      assertRepresentable(value, name, 'PowerShell', [noNul, wellFormedUnicode]);
      return `$Env:${name} = ${quotePowerShell(value)}\n`;
    })
    .join('');
}
