/**
 * Profile presets: profiles of another kind than "assume this role", with the questions they ask
 * and the AWS setup they need. The one so far is an Amazon Cognito identity pool (issue 15),
 * which gives credentials for any configured provider. Provider presets are in presets.ts.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
import { checkIdentityPoolId } from './cognito-fields';
import { parseRoleArn } from './field-checks';
import type { ProfileInput } from './types';

/** The questions the identity pool preset asks. */
export interface IdentityPoolAnswers {
  identityPoolId: string;
  /** `enhanced` (default) or `basic`. */
  flow: string;
  /** Optional in the enhanced flow; required in the basic one. */
  roleArn: string;
  providerId: string;
}

/** What to set up in AWS for an identity pool profile, said for the options page. */
export const identityPoolSetup: readonly string[] = [
  'Cognito console → Identity pools → your pool → User access → Add identity provider → OpenID Connect (OIDC): pick the IAM OIDC identity provider of your issuer (its host and path, without https://) with your client id as audience. The extension sends the ID token under that name in Logins.',
  'Give the pool an authenticated role (or rules that choose one from the token\'s claims). Its trust policy allows sts:AssumeRoleWithWebIdentity (and sts:TagSession for attributes as principal tags) for the Federated principal cognito-identity.amazonaws.com, with "cognito-identity.amazonaws.com:aud" equal to the pool id and "cognito-identity.amazonaws.com:amr" equal to "authenticated".',
  'Enhanced flow (recommended): the pool picks the role, or the one named here when its role settings let the token choose. Basic (classic) flow: turn on "Basic (classic) authentication" in the pool; the extension then assumes the named role through STS with the pool\'s token, with the profile\'s duration and session settings.',
];

/** The result of building a profile from the preset: the entry, or a message per answer. */
export type ProfilePresetBuild = { ok: true; profile: ProfileInput } | { ok: false; problems: Partial<Record<keyof IdentityPoolAnswers, string>> };

/**
 * Builds an identity pool profile from the answers.
 * @param takenIds profile ids already in use, so the new entry gets its own
 */
export function identityPoolProfile(answers: IdentityPoolAnswers, takenIds: readonly string[]): ProfilePresetBuild {
  const problems: Partial<Record<keyof IdentityPoolAnswers, string>> = {};
  const identityPoolId = answers.identityPoolId.trim();
  const roleArn = answers.roleArn.trim();
  const flow = answers.flow === 'basic' ? 'basic' : 'enhanced';
  const poolProblem = identityPoolId ? checkIdentityPoolId(identityPoolId) : 'is required';
  if (poolProblem) problems.identityPoolId = poolProblem;
  const role = roleArn ? parseRoleArn(roleArn) : undefined;
  if (typeof role === 'string') problems.roleArn = role;
  else if (!roleArn && flow === 'basic') problems.roleArn = 'is required for the basic flow: the pool\'s token assumes this role through STS';
  if (!answers.providerId) problems.providerId = 'is required: add a provider first';
  if (Object.keys(problems).length) return { ok: false, problems };
  let id = 'identity-pool';
  for (let n = 2; takenIds.includes(id); n += 1) id = `identity-pool-${n}`;
  return {
    ok: true,
    profile: {
      id,
      name: role && typeof role !== 'string' ? `${role.roleName} (identity pool)` : 'Identity pool',
      provider: answers.providerId,
      identityPoolId,
      ...(flow === 'basic' ? { cognitoFlow: 'basic' as const } : {}),
      ...(roleArn ? { roleArn } : {}),
    },
  };
}
