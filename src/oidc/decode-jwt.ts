/**
 * The one JWT decoder: base64url parts into bytes and JSON objects, without verifying anything.
 * The ID token checks (verify-id-token.ts, oauth4webapi) decide whether to trust a token; the
 * diagnostics and the session-name template only read what a token says.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */

/** The bytes of one base64url part; throws on characters outside the alphabet. */
export function base64UrlBytes(part: string): Uint8Array<ArrayBuffer> {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (char) => char.charCodeAt(0));
}

/** One part (header or payload) as a JSON object, or `undefined` when it is not base64url UTF-8 JSON of an object. */
export function decodeJwtPart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part || !/^[\w-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlBytes(part)));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of `token`, or `undefined` when it is not a JWS compact serialization with a JSON object payload. */
export function decodeJwtClaims(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  return parts.length === 3 ? decodeJwtPart(parts[1]) : undefined;
}
