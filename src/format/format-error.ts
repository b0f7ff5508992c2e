/**
 * The one error the formatters throw. Messages name the variable or key and the offending
 * character by code point, never the value itself, because values are secrets.
 */

/** Stable codes for {@link FormatError}; callers match on these, never on message text. */
export const FormatErrorCodes = {
  /** A value holds a character the chosen format cannot carry faithfully. */
  unrepresentable: 'FORMAT_UNREPRESENTABLE_VALUE',
  /** The input itself is malformed: an invalid profile id or expiration time. */
  invalidInput: 'FORMAT_INVALID_INPUT',
  /** The format id is not one of {@link CopyFormat}, e.g. from an unchecked message. */
  unknownFormat: 'FORMAT_UNKNOWN',
} as const;

export type FormatErrorCode = (typeof FormatErrorCodes)[keyof typeof FormatErrorCodes];

/** Thrown when credentials cannot be written in the requested format without changing them. */
export class FormatError extends Error {
  readonly code: FormatErrorCode;
  /** The variable, key or input field at fault, e.g. `AWS_SESSION_TOKEN` or `profileId`. */
  readonly field: string;

  constructor(code: FormatErrorCode, field: string, message: string) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
    this.field = field;
  }
}
