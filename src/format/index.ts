/** Public entry of the copy formats; the per-format modules are internal. */
export type { CopyFormat, CopyFormatKind, CopyFormatOption, FormatInput } from './copy-format';
export { copyFormats, formatCredentials } from './copy-format';
export type { FormatErrorCode } from './format-error';
export { FormatError, FormatErrorCodes } from './format-error';
