/**
 * JSON with object keys in sorted order, so two equal values give the same text whatever order
 * their keys were written in. Chromium's storage hands objects back with their keys sorted.
 */

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** `JSON.stringify` of `value` with every object's keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}
