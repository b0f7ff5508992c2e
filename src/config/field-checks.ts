/**
 * Checks for single configuration fields. Each returns a message that says what is wrong and
 * what a right value looks like, or `undefined` when the value is fine.
 */
import { partitions } from './aws-partition';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Ids name credentials-file sections and storage keys, so they stay short and plain. */
export function checkId(value: string): string | undefined {
  return idPattern.test(value)
    ? undefined
    : `must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit (got ${JSON.stringify(value)})`;
}

/** True for hosts that never leave the machine, where plain http cannot be intercepted. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** An endpoint the extension will send tokens to: https, or http on loopback only. */
export function checkEndpointUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute URL such as https://example.com (got ${JSON.stringify(value)})`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return `must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got ${JSON.stringify(value)})`;
}

/** An OIDC issuer: an endpoint URL without query or fragment (OpenID Connect Discovery 1.0 §2). */
export function checkIssuer(value: string): string | undefined {
  const problem = checkEndpointUrl(value);
  if (problem) return problem;
  const url = new URL(value);
  if (url.search || url.hash) return `must not contain a query or fragment (got ${JSON.stringify(value)})`;
  return undefined;
}

/** Space-separated OAuth scopes that include `openid`, without which no ID token is issued. */
export function checkScopes(value: string): string | undefined {
  const scopes = value.split(/\s+/);
  return scopes.includes('openid') ? undefined : `must include "openid" to get an ID token (got ${JSON.stringify(value)})`;
}

const regionPattern = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** An AWS region name such as `eu-west-1`. */
export function checkRegion(value: string): string | undefined {
  return regionPattern.test(value) ? undefined : `must be an AWS region such as us-east-1 or eu-west-1 (got ${JSON.stringify(value)})`;
}

/** A role ARN taken apart. */
export interface RoleArnParts {
  partition: string;
  accountId: string;
  roleName: string;
}

const roleNamePattern = /^[\w+=,.@-]{1,64}$/;
const example = 'arn:aws:iam::123456789012:role/RoleName';

/**
 * Takes an IAM role ARN apart, or says precisely which part is wrong.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function parseRoleArn(value: string): RoleArnParts | string {
  const parts = value.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') return `must look like ${example} (got ${JSON.stringify(value)})`;
  const [, partition = '', service, region, accountId = '', resource = ''] = parts;
  if (!partitions.includes(partition)) {
    return `partition "${partition}" is not an AWS partition; use one of ${partitions.join(', ')}`;
  }
  if (service !== 'iam') return `must be an IAM role ARN (service "iam", got "${service}"), like ${example}`;
  if (region !== '') return `IAM ARNs have no region; remove "${region}" so it reads like ${example}`;
  if (!/^\d{12}$/.test(accountId)) return `account id must be 12 digits (got "${accountId}")`;
  if (!resource.startsWith('role/')) return `must name a role ("role/RoleName" after the account id, got "${resource}")`;
  const roleName = resource.slice(resource.lastIndexOf('/') + 1);
  if (!roleNamePattern.test(roleName)) {
    return `role name "${roleName}" must be 1-64 letters, digits or any of + = , . @ _ -`;
  }
  return { partition, accountId, roleName };
}
