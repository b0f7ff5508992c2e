/**
 * The RoleSessionName sent to STS, computed here and only here. It lands in CloudTrail next to
 * every API call the session makes, so the default must not be personal data such as an email
 * address; a profile's template (src/config/session-name-template.ts) may choose otherwise.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { checkSessionNameTemplate, sessionNamePlaceholder } from '../config/session-name-template';
import type { SessionNameVariable } from '../config/session-name-template';
import { decodeJwtClaims } from '../oidc/decode-jwt';

/** Prefix that marks sessions created by this extension in CloudTrail. */
export const sessionNamePrefix = 'wic-';

/**
 * Derives a stable, non-identifying session name from the token's `sub` claim:
 * `wic-` followed by the first 32 hex digits of SHA-256(sub). The same person gets the same name
 * on every sign-in, so administrators can correlate sessions without learning who it is; someone
 * who knows the subject can compute it to find their own sessions.
 * Matches STS's pattern `[\w+=,.@-]{2,64}`.
 */
export async function deriveSessionName(subject: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(subject));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${sessionNamePrefix}${hex.slice(0, 32)}`;
}

/** Replaces every character STS refuses with "-" and cuts the name to 64 characters. */
export function sanitizeSessionName(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

/** What a template is rendered with. */
export interface SessionNameInput {
  claims: Record<string, unknown>;
  profileId: string;
}

/**
 * Renders a template. A variable whose claim the token lacks makes the whole name fall back to
 * the default (hashed subject) rather than leave a half-empty name; so does a result shorter than
 * the two characters STS requires. `{email}` and `{email_local}` count as missing unless the token
 * says `email_verified: true`.
 */
export async function renderSessionName(template: string, { claims, profileId }: SessionNameInput): Promise<string> {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const fallback = () => deriveSessionName(sub);
  if (checkSessionNameTemplate(template) !== undefined) return fallback();
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);
  // An address the IdP has not verified may be anyone's: it must not name a session in CloudTrail.
  // Some IdPs (Cognito) send the flag as the string "true".
  const email = claims.email_verified === true || claims.email_verified === 'true' ? text('email') : undefined;
  const hash = (await deriveSessionName(sub)).slice(sessionNamePrefix.length);
  const values: Record<SessionNameVariable, string | undefined> = {
    subject_hash: sub ? hash : undefined,
    sub: text('sub'),
    preferred_username: text('preferred_username'),
    email,
    email_local: email?.split('@')[0] || undefined,
    profile: profileId,
  };
  let missing = false;
  const rendered = template.replace(sessionNamePlaceholder, (_match, name: string) => {
    const value = values[name as SessionNameVariable];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  const name = sanitizeSessionName(rendered);
  return missing || name.length < 2 ? fallback() : name;
}

/** The part of an STS request that decides the session name. */
export interface SessionNameRequest {
  profile: { id: string; sessionNameTemplate?: string };
  idToken: string;
  sessionName: string;
}

/**
 * Renders the profile's template; without one, or for a token that is no JWT (OAuth 2.0 access
 * tokens), the default name stands.
 */
export async function sessionNameFor(request: SessionNameRequest): Promise<string> {
  const template = request.profile.sessionNameTemplate;
  const claims = template ? decodeJwtClaims(request.idToken) : undefined;
  if (!template || !claims) return request.sessionName;
  return renderSessionName(template, { claims, profileId: request.profile.id });
}
