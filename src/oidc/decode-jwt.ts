/**
 * Reads the payload of a JWT without verifying it, for display only: the diagnostics show what
 * an IdP sent, including tokens the sign-in rejected. Nothing here decides whether to trust it.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */

/** The claims of `token`, or `undefined` when it is not a JWS compact serialization with a JSON object payload. */
export function decodeJwtClaims(token: unknown): Record<string, unknown> | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1] || !/^[\w-]+$/.test(parts[1])) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
