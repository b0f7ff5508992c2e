import { FormatError, FormatErrorCodes } from './format-error';

/**
 * Formats an expiry as ISO 8601 UTC without milliseconds (`2026-11-26T18:00:00Z`), the shape
 * `aws configure export-credentials` prints and every SDK parses. Milliseconds are truncated,
 * so the written expiry is never later than the real one.
 * @param epochMs - Expiry as epoch milliseconds.
 * @param field - Named in the error when `epochMs` is not a time between years 0 and 9999.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
 */
export function isoExpiration(epochMs: number, field: string): string {
  const seconds = Number.isFinite(epochMs) ? Math.floor(epochMs / 1000) * 1000 : NaN;
  const date = new Date(seconds);
  // Outside years 0–9999 toISOString() uses six-digit years, which SDK date parsers reject.
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.000Z$/, 'Z');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(iso)) {
    throw new FormatError(
      FormatErrorCodes.invalidInput,
      field,
      `Cannot write ${field}: expiration ${String(epochMs)} is not a time between years 0 and 9999.`,
    );
  }
  return iso;
}
