/**
 * RoleSessionName templates: teams that want names in CloudTrail (`{preferred_username}`) can
 * have them, while the default stays a hash of the subject. Whatever the template and the claims
 * hold, the result is sanitized to what STS accepts.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { deriveSessionName } from '../sts/session-name';

/** The variables a template may use, and where each comes from. */
export const sessionNameVariables = {
  subject_hash: 'first 32 hex digits of SHA-256 of the token\'s "sub" (no personal data)',
  sub: 'the token\'s "sub" claim as is',
  preferred_username: 'the "preferred_username" claim',
  email: 'the "email" claim',
  email_local: 'the part of "email" before the @',
  profile: 'the profile\'s id',
} as const;

/** The template used when a profile sets none: the same name as {@link deriveSessionName}. */
export const defaultSessionNameTemplate = 'wic-{subject_hash}';

type Variable = keyof typeof sessionNameVariables;
const placeholder = /\{([^{}]*)\}/g;

/** Says what is wrong with a template, or nothing when it is fine. */
export function checkSessionNameTemplate(value: string): string | undefined {
  const unknown = [...value.matchAll(placeholder)].map((match) => match[1] ?? '').filter((name) => !Object.hasOwn(sessionNameVariables, name));
  if (unknown.length) {
    return `uses unknown variable {${unknown[0]}}; use ${Object.keys(sessionNameVariables).map((name) => `{${name}}`).join(', ')}`;
  }
  if (/[{}]/.test(value.replace(placeholder, ''))) return 'has an unmatched "{" or "}"; write variables as {name}';
  if (value.replace(placeholder, '').length > 64) return 'has more than 64 characters of its own; STS allows 64 in all';
  return undefined;
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
 * the two characters STS requires.
 */
export async function renderSessionName(template: string, { claims, profileId }: SessionNameInput): Promise<string> {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const fallback = () => deriveSessionName(sub);
  if (checkSessionNameTemplate(template) !== undefined) return fallback();
  const text = (name: string) => (typeof claims[name] === 'string' && claims[name] !== '' ? (claims[name] as string) : undefined);
  const hash = (await deriveSessionName(sub)).slice('wic-'.length);
  const values: Record<Variable, string | undefined> = {
    subject_hash: sub ? hash : undefined,
    sub: text('sub'),
    preferred_username: text('preferred_username'),
    email: text('email'),
    email_local: text('email')?.split('@')[0] || undefined,
    profile: profileId,
  };
  let missing = false;
  const rendered = template.replace(placeholder, (_match, name: string) => {
    const value = values[name as Variable];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  const name = sanitizeSessionName(rendered);
  return missing || name.length < 2 ? fallback() : name;
}
