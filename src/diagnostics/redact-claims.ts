/**
 * Claims fit for a debug report that may be pasted into a ticket: what explains an STS refusal
 * stays (issuer, audience, times, methods, tag names); what identifies a person is replaced by
 * its shape.
 */
import { tagsClaim } from '../sts/sts-errors';

/** Claims kept as they are: they name systems, clients and times, not people. */
const kept = new Set(['iss', 'aud', 'azp', 'exp', 'iat', 'nbf', 'auth_time', 'amr', 'acr', 'typ', 'token_use']);

function shape(value: unknown): string {
  if (typeof value === 'string') return `[redacted, ${value.length} characters]`;
  if (Array.isArray(value)) return `[redacted, list of ${value.length}]`;
  if (value !== null && typeof value === 'object') return `[redacted, object with ${Object.keys(value).length} fields]`;
  return `[redacted ${typeof value}]`;
}

function redactTags(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return shape(value);
  // Object.fromEntries defines own properties, so a claim named "__proto__" stays a claim.
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, entry]) => {
    if (name === 'principal_tags' && entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      // Tag keys explain a policy mismatch; their values may be personal.
      return [name, Object.fromEntries(Object.entries(entry as Record<string, unknown>).map(([key, tagValue]) => [key, shape(tagValue)]))];
    }
    return [name, name === 'transitive_tag_keys' && Array.isArray(entry) ? entry : shape(entry)];
  }));
}

/** A copy of `claims` with personal values replaced. */
export function redactClaims(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => {
    if (kept.has(name)) return [name, value];
    return [name, name === tagsClaim ? redactTags(value) : shape(value)];
  }));
}
