/**
 * The profile fields beyond the first format: account alias, colour, session policies and the
 * RoleSessionName template.
 */
import { checkSessionNameTemplate } from './session-name-template';
import type { EntryReader } from './entry-reader';
import { checkPolicyArn, maxPolicyArns, normalizeSessionPolicy } from './session-policy';
import type { Profile } from './types';

/** Field names these extras add to a profile entry. */
export const profileExtraFields = ['alias', 'color', 'sessionPolicy', 'policyArns', 'sessionNameTemplate'] as const;

const checkAlias = (value: string) =>
  value.length <= 64 && [...value].every((char) => char >= ' ') ? undefined : 'must be at most 64 characters on one line';
const checkColor = (value: string) =>
  /^#[0-9a-fA-F]{6}$/.test(value) ? undefined : `must be a colour like #d13212 (got ${JSON.stringify(value)})`;

/**
 * Reads the extra profile fields, recording problems on the reader.
 * @param partition the role's partition, which managed policies must share
 */
export function readProfileExtras(reader: EntryReader, partition: string | undefined): Partial<Profile> {
  const values: Partial<Profile> = {};
  const alias = reader.optionalString('alias', '', checkAlias);
  if (alias) values.alias = alias;
  const color = reader.optionalString('color', '', checkColor);
  if (color) values.color = color.toLowerCase();
  const template = reader.optionalString('sessionNameTemplate', '', checkSessionNameTemplate);
  if (template) values.sessionNameTemplate = template;
  if (template?.includes('{preferred_username}')) {
    reader.fieldWarning('sessionNameTemplate', '{preferred_username} is a claim many identity providers let users choose, and it names the session in CloudTrail; '
      + 'keep it only if your IdP controls it, or use {email} (used only when the token says email_verified: true) or {subject_hash}');
  }

  const rawPolicy = reader.value('sessionPolicy');
  if (rawPolicy !== undefined && rawPolicy !== null && rawPolicy !== '') {
    const checked = normalizeSessionPolicy(rawPolicy);
    if ('problem' in checked) reader.fieldError('sessionPolicy', checked.problem);
    else values.sessionPolicy = checked.policy;
  }
  const policyArns = reader.optionalStringList('policyArns', maxPolicyArns, (value) => checkPolicyArn(value, partition));
  if (policyArns?.length) values.policyArns = policyArns;
  return values;
}
