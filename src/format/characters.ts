/**
 * Character rules shared by the formatters: each format lists what it cannot carry, and
 * {@link assertRepresentable} rejects the first such character with a message that names it.
 */
import { FormatError, FormatErrorCodes } from './format-error';

/** Where a character sits in the value, for rules about leading or trailing characters. */
export interface CharacterPosition {
  first: boolean;
  last: boolean;
}

/** A character a format cannot carry, and why, as a sentence that follows the character's name. */
export interface CharacterRule {
  test: (char: string, position: CharacterPosition) => boolean;
  why: string;
}

/**
 * C0 controls, DEL and C1 controls. Pasted raw, terminals and line editors act on them (a tab
 * completes, a carriage return becomes a line feed, U+009B starts an escape sequence) instead of
 * inserting them, so shells get them as escapes and files refuse them.
 */
export function isControl(char: string): boolean {
  const codePoint = char.codePointAt(0) ?? -1;
  return char.length === 1 && (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f));
}

/**
 * U+2028 and U+2029 end lines for JavaScript, Python's `splitlines()` and many editors, so file
 * formats refuse them along with controls.
 */
export function isLineBreakOrControl(char: string): boolean {
  return isControl(char) || char === '\u2028' || char === '\u2029';
}

/** Splits a value into alternating runs of control and other characters, in order. */
export function splitControlRuns(value: string): { text: string; control: boolean }[] {
  const runs: { text: string; control: boolean }[] = [];
  for (const char of value) {
    const control = isControl(char);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.control === control) last.text += char;
    else runs.push({ text: char, control });
  }
  return runs;
}

/** `for…of` yields an unpaired surrogate as a lone code unit; it has no UTF-8 encoding. */
export function isLoneSurrogate(char: string): boolean {
  return /^[\ud800-\udfff]$/.test(char);
}

/** Rejects unpaired surrogates, which every text format and the clipboard would turn into U+FFFD. */
export const wellFormedUnicode: CharacterRule = {
  test: isLoneSurrogate,
  why: 'it is not valid Unicode, so it cannot be copied as text',
};

/** Environment variables are C strings on every OS, so NUL would silently truncate them. */
export const noNul: CharacterRule = {
  test: (char) => char === '\u0000',
  why: 'no environment variable can hold it',
};

const names: Readonly<Record<string, string>> = {
  '\u0000': 'NUL',
  '\t': 'a tab',
  '\n': 'a line feed',
  '\r': 'a carriage return',
  '\u001b': 'an escape character',
  ' ': 'a space',
  '"': 'a double quote',
  "'": 'a single quote',
  '\u007f': 'DEL',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};

/** Names a character for an error message, e.g. `a line feed (U+000A)` or `"%" (U+0025)`. */
export function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    names[char] ??
    (isControl(char)
      ? 'a control character'
      : isLoneSurrogate(char)
        ? 'an unpaired surrogate'
        : /^\s$/.test(char)
          ? 'a whitespace character'
          : `"${char}"`);
  return `${name} (${hex})`;
}

/**
 * Throws a {@link FormatError} for the first character of `value` that one of `rules` rejects.
 * @param field - The variable or key name, quoted in the message.
 * @param format - The format's name as a user knows it, e.g. `Windows cmd`.
 */
export function assertRepresentable(
  value: string,
  field: string,
  format: string,
  rules: readonly CharacterRule[],
): void {
  const chars = Array.from(value);
  chars.forEach((char, index) => {
    const position = { first: index === 0, last: index === chars.length - 1 };
    const rule = rules.find((candidate) => candidate.test(char, position));
    if (rule === undefined) return;
    throw new FormatError(
      FormatErrorCodes.unrepresentable,
      field,
      `Cannot write ${field} as ${format}: it contains ${describeCharacter(char)} at character ${index + 1}; ${rule.why}.`,
    );
  });
}

/** Rejects an empty value with the same kind of message as {@link assertRepresentable}. */
export function assertNotEmpty(value: string, field: string, format: string, why: string): void {
  if (value !== '') return;
  throw new FormatError(
    FormatErrorCodes.unrepresentable,
    field,
    `Cannot write ${field} as ${format}: it is empty, and ${why}.`,
  );
}

/** `\xHH` for each UTF-8 byte: exact bytes whatever the shell's locale. */
export function utf8HexEscapes(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
}
