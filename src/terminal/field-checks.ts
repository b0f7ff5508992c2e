/**
 * Small checks for untrusted message fields. Each throws a `bad-request` {@link TerminalError}
 * whose message quotes the field's path (`"request.profileId" must be a string`), never its value.
 */
import { TerminalError, TerminalErrorCodes } from './error-codes';

/** A plain JSON object. */
export type Fields = Record<string, unknown>;

function fail(field: string, rule: string): never {
  throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}" ${rule}`, { field });
}

/** The value as an object (not null, not an array). */
export function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Fields;
}

/** Own property only, so `toString` and friends never count as present. */
export function own(fields: Fields, key: string): unknown {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** A string of `min` to `max` UTF-16 code units, matching `pattern` when given. */
export function string(value: unknown, field: string, limits: { min?: number; max: number; pattern?: RegExp; describe?: string }): string {
  if (typeof value !== 'string') fail(field, 'must be a string');
  const min = limits.min ?? 1;
  if (value.length < min || value.length > limits.max) fail(field, `must be ${min} to ${limits.max} characters long`);
  if (limits.pattern && !limits.pattern.test(value)) fail(field, `must be ${limits.describe ?? `like ${String(limits.pattern)}`}`);
  return value;
}

/** A whole number from `min` to `max`. */
export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(field, `must be a whole number from ${min} to ${max}`);
  return value;
}

/** A boolean, or `fallback` when absent. */
export function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(field, 'must be true or false');
  return value;
}

/** One of `choices`. */
export function oneOf<T extends string>(value: unknown, field: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) fail(field, `must be one of ${choices.map((choice) => `"${choice}"`).join(', ')}`);
  return value as T;
}

/** An ISO 8601 UTC time such as `2026-11-26T18:00:00Z` (milliseconds allowed). */
export function isoTime(value: unknown, field: string): string {
  const text = string(value, field, { max: 30, pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, describe: 'an ISO 8601 UTC time such as 2026-11-26T18:00:00Z' });
  if (Number.isNaN(Date.parse(text))) fail(field, 'must be an ISO 8601 UTC time such as 2026-11-26T18:00:00Z');
  return text;
}
