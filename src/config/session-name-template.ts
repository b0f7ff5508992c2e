/**
 * The grammar of RoleSessionName templates, as the configuration checks them: teams that want
 * names in CloudTrail (`{preferred_username}`) can have them, while the default stays a hash of
 * the subject. src/sts/session-name.ts renders them.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */

/** The variables a template may use, and where each comes from. */
export const sessionNameVariables = {
  subject_hash: 'first 32 hex digits of SHA-256 of the token\'s "sub" (no personal data)',
  sub: 'the token\'s "sub" claim as is',
  preferred_username: 'the "preferred_username" claim',
  email: 'the "email" claim',
  email_local: 'the part of "email" before the @',
  profile: 'the profile\'s id',
} as const;

/** A variable a template may use. */
export type SessionNameVariable = keyof typeof sessionNameVariables;
/** `{name}` in a template. */
export const sessionNamePlaceholder = /\{([^{}]*)\}/g;

/** Says what is wrong with a template, or nothing when it is fine. */
export function checkSessionNameTemplate(value: string): string | undefined {
  const unknown = [...value.matchAll(sessionNamePlaceholder)].map((match) => match[1] ?? '').filter((name) => !Object.hasOwn(sessionNameVariables, name));
  if (unknown.length) {
    return `uses unknown variable {${unknown[0]}}; use ${Object.keys(sessionNameVariables).map((name) => `{${name}}`).join(', ')}`;
  }
  if (/[{}]/.test(value.replace(sessionNamePlaceholder, ''))) return 'has an unmatched "{" or "}"; write variables as {name}';
  if (value.replace(sessionNamePlaceholder, '').length > 64) return 'has more than 64 characters of its own; STS allows 64 in all';
  return undefined;
}
