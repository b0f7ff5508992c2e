/**
 * Roles from the token: a claim of the ID token (a groups or roles claim holding role ARNs) lists
 * the roles a user may assume, and each becomes a profile after sign-in, so nobody types ARNs.
 * The ARNs live in session storage beside the tokens they came from and go with them.
 */
import { defaultStsEndpoint, partitionOfRegion } from '../config/aws-partition';
import { parseRoleArn } from '../config/field-checks';
import type { Configuration, Profile, Provider, RolesFromClaim } from '../config/types';
import { claimedRolesKey } from '../storage/keys';
import type { ClaimedRoles } from '../storage/records';

/** At most this many roles are taken from one token. */
export const maxClaimedRoles = 100;

/** Default regions of partitions, for roles whose partition differs from the configured region's. */
const partitionRegions: Readonly<Record<string, string>> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

function claimValue(claims: Record<string, unknown>, claim: string): unknown {
  // Claim names are often URLs (`https://aws.amazon.com/roles`), so the literal name wins over a dotted path.
  if (Object.hasOwn(claims, claim)) return claims[claim];
  return claim.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), claims);
}

/**
 * The role ARNs a claim lists: an array of strings or one string of space-separated values. Each
 * value may also be a SAML-style pair "role ARN,provider ARN". Anything else (group names) is skipped.
 */
export function roleArnsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = claimValue(claims, claim);
  const items = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(/\s+/) : [];
  const arns = items.flatMap((item) => item.split(',').map((part) => part.trim()).filter((part) => typeof parseRoleArn(part) !== 'string').slice(0, 1));
  return [...new Set(arns)].slice(0, maxClaimedRoles);
}

/** `*` in a role-name pattern matches any characters; everything else matches itself. */
function matchesRoleName(name: string, pattern: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(name);
}

/**
 * Whether the provider's allowlist (accounts, role-name patterns) admits a role. The claim only
 * lists roles for discovery; this list, set by the organization or the user, decides which of
 * them the extension calls STS for.
 */
export function isAllowedRole(settings: Pick<RolesFromClaim, 'allowedAccounts' | 'allowedRoleNames'>, roleArn: string): boolean {
  const arn = parseRoleArn(roleArn);
  if (typeof arn === 'string') return false;
  if (settings.allowedAccounts?.length && !settings.allowedAccounts.includes(arn.accountId)) return false;
  return !settings.allowedRoleNames?.length || settings.allowedRoleNames.some((pattern) => matchesRoleName(arn.roleName, pattern));
}

/** Profiles for a provider's claimed roles; ids and roles already configured are left alone. */
export function profilesFromRoles(provider: Provider, roleArns: readonly string[], existing: readonly Profile[]): Profile[] {
  const settings = provider.rolesFromClaim;
  if (!settings) return [];
  const ids = new Set(existing.map((profile) => profile.id));
  const configured = new Set(existing.filter((profile) => profile.providerId === provider.id).map((profile) => profile.roleArn));
  const profiles: Profile[] = [];
  for (const roleArn of roleArns) {
    const arn = parseRoleArn(roleArn);
    if (typeof arn === 'string' || configured.has(roleArn) || !isAllowedRole(settings, roleArn)) continue;
    const region = settings.region && partitionOfRegion(settings.region) === arn.partition ? settings.region : partitionRegions[arn.partition];
    if (!region) continue;
    const id = `${provider.id}-${arn.accountId}-${arn.roleName}`.slice(0, 64);
    if (ids.has(id)) continue;
    ids.add(id);
    profiles.push({
      id,
      name: arn.roleName,
      providerId: provider.id,
      roleArn,
      ...arn,
      region,
      durationSeconds: settings.durationSeconds,
      stsEndpoint: settings.stsEndpoint ?? defaultStsEndpoint(region),
      pinned: settings.pinned,
      source: provider.source,
      fromToken: true,
    });
  }
  return profiles;
}

/** Adds the profiles of every provider's claimed roles found in session storage. */
export function withClaimedRoles(config: Configuration, session: Record<string, unknown>): Configuration {
  const added: Profile[] = [];
  for (const provider of config.providers) {
    const claimed = session[claimedRolesKey(provider.id)] as ClaimedRoles | undefined;
    if (!provider.rolesFromClaim || !Array.isArray(claimed?.roleArns)) continue;
    added.push(...profilesFromRoles(provider, claimed.roleArns, [...config.profiles, ...added]));
  }
  return added.length ? { ...config, profiles: [...config.profiles, ...added] } : config;
}

/**
 * What to store for the roles a token lists: nothing for a provider without the option. Stored
 * with each new token of the provider, from a sign-in or a renewal, so roles the IdP adds or takes
 * away show up without an interactive sign-in.
 * @param renewal the token renews a sign-in: some IdPs leave custom claims out of tokens issued
 *   from a refresh token, so a renewed token without the claim keeps the roles (one holding an
 *   empty list takes them all away)
 */
export function claimedRolesItems(provider: Provider, claims: Record<string, unknown>, { renewal = false } = {}): Record<string, ClaimedRoles> {
  if (!provider.rolesFromClaim) return {};
  const settings = provider.rolesFromClaim;
  if (renewal && claimValue(claims, settings.claim) === undefined) return {};
  return { [claimedRolesKey(provider.id)]: { roleArns: roleArnsFromClaims(claims, settings.claim).filter((arn) => isAllowedRole(settings, arn)) } };
}
