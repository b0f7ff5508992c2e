/**
 * The RoleSessionName of one profile: its template rendered with the ID token's claims, or the
 * default hashed name the sign-in derived.
 */
import { renderSessionName } from '../config/session-name-template';

/** The part of an STS request that decides the session name. */
export interface SessionNameRequest {
  profile: { id: string; sessionNameTemplate?: string };
  idToken: string;
  sessionName: string;
}

/** The token's claims, read without checking: the token was verified when it was received. */
export function readTokenClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders the profile's template; without one, or for a token that is no JWT (OAuth 2.0 access
 * tokens), the default name stands.
 */
export async function sessionNameFor(request: SessionNameRequest): Promise<string> {
  const template = request.profile.sessionNameTemplate;
  const claims = template ? readTokenClaims(request.idToken) : undefined;
  if (!template || !claims) return request.sessionName;
  return renderSessionName(template, { claims, profileId: request.profile.id });
}
