/**
 * Which hosts a token or credential may be sent to. An endpoint the organization's policy names
 * is its choice and trusted as it is. An endpoint from the user's own document or an import must
 * be an AWS STS host (or the known endpoint of an OAuth 2.0 provider), or a host the policy
 * allows; any other host needs the user's explicit confirmation of its origin, because an
 * imported "team configuration" could otherwise send the user's ID token anywhere.
 */
import { partitionSuffixes } from './aws-partition';
import { oauthProviders } from './oauth-providers';

/** What decides whether an endpoint of the user's document may be called without asking. */
export interface EndpointTrust {
  /** Host patterns the policy allows (`trustedEndpointHosts`): exact hosts or `*.example.com`. */
  policyHosts: readonly string[];
  /** Origins (`https://host:port`) the user confirmed in the options page, one by one. */
  confirmedOrigins: readonly string[];
}

/** No host allowed by policy, none confirmed: only AWS STS (and the known OAuth endpoints) pass. */
export const noEndpointTrust: EndpointTrust = { policyHosts: [], confirmedOrigins: [] };

/** The kinds of endpoints a token goes to. */
export type EndpointKind = 'sts' | 'cognito' | 'oauth';

const region = '[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}';
const suffixes = [...new Set(Object.values(partitionSuffixes))].map((suffix) => suffix.replace(/\./g, '\\.')).join('|');
/**
 * Global, regional and FIPS STS hosts of every partition, the dual-stack `api.aws` names, and VPC
 * endpoint names (`vpce-…sts.<region>.vpce.amazonaws.com`).
 * @see https://docs.aws.amazon.com/general/latest/gr/sts.html
 */
const stsHostPattern = new RegExp(
  `^(?:sts\\.amazonaws\\.com|sts(?:-fips)?\\.${region}\\.(?:${suffixes}|api\\.aws)|vpce-[a-z0-9]+(?:-[a-z0-9]+)*\\.sts(?:-fips)?\\.${region}\\.vpce\\.(?:${suffixes}))$`,
);

/**
 * Regional and FIPS Amazon Cognito identity hosts of every partition, and VPC endpoint names
 * (`vpce-…cognito-identity.<region>.vpce.amazonaws.com`): where an identity pool profile's
 * token goes.
 * @see https://docs.aws.amazon.com/general/latest/gr/cognito_identity.html
 */
const cognitoHostPattern = new RegExp(
  `^(?:cognito-identity(?:-fips)?\\.${region}\\.(?:${suffixes})|vpce-[a-z0-9]+(?:-[a-z0-9]+)*\\.cognito-identity(?:-fips)?\\.${region}\\.vpce\\.(?:${suffixes}))$`,
);

/** Parses an endpoint, or `undefined` when it is not a plain URL (userinfo makes it not plain). */
function parse(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.username || url.password ? undefined : url;
  } catch {
    return undefined;
  }
}

/**
 * True when `value` is https on AWS STS's own host name, on the default port, without userinfo.
 * Look-alikes (`sts.amazonaws.com.evil.example`, a trailing dot, an IDN homograph, another port) fail.
 */
export function isAwsStsEndpoint(value: string): boolean {
  const url = parse(value);
  return url !== undefined && url.protocol === 'https:' && url.port === '' && stsHostPattern.test(url.hostname);
}

/** True when `hostname` matches a policy pattern: the same host, or a subdomain of `*.domain`. */
export function matchesHostPattern(hostname: string, pattern: string): boolean {
  const wanted = pattern.trim().toLowerCase();
  if (wanted.startsWith('*.')) return hostname.endsWith(wanted.slice(1)) && hostname.length > wanted.length - 1;
  return hostname === wanted;
}

/** The origin the user is asked to confirm for an endpoint, or `undefined` when it is no URL. */
export function endpointOrigin(value: string): string | undefined {
  return parse(value)?.origin;
}

/** True when `value` is https on Amazon Cognito's own identity host, on the default port, without userinfo. */
export function isAwsCognitoEndpoint(value: string): boolean {
  const url = parse(value);
  return url !== undefined && url.protocol === 'https:' && url.port === '' && cognitoHostPattern.test(url.hostname);
}

function isKnownOAuthEndpoint(value: string): boolean {
  const url = parse(value);
  if (!url || url.protocol !== 'https:' || url.port !== '') return false;
  return Object.values(oauthProviders).some((known) => [known.authorizationEndpoint, known.userInfoEndpoint].some((endpoint) => new URL(endpoint).hostname === url.hostname));
}

/**
 * Whether the user's document may send a token to `value` without asking: the origin it must be
 * confirmed first, or `undefined` when it is trusted already.
 */
export function originToConfirm(value: string, kind: EndpointKind, trust: EndpointTrust): string | undefined {
  const url = parse(value);
  if (!url) return value; // not a plain URL: never trusted, and the field check says why
  if (kind === 'sts' && isAwsStsEndpoint(value)) return undefined;
  if (kind === 'cognito' && isAwsCognitoEndpoint(value)) return undefined;
  if (kind === 'oauth' && isKnownOAuthEndpoint(value)) return undefined;
  if (trust.policyHosts.some((pattern) => matchesHostPattern(url.hostname, pattern))) return undefined;
  if (trust.confirmedOrigins.includes(url.origin)) return undefined;
  return url.origin;
}

/** The message of a problem on an unconfirmed endpoint: names the host and both ways to fix it. */
export function unconfirmedMessage(origin: string, kind: EndpointKind): string {
  const usual = {
    sts: 'an AWS STS endpoint such as https://sts.eu-west-1.amazonaws.com',
    cognito: 'an Amazon Cognito endpoint such as https://cognito-identity.eu-west-1.amazonaws.com',
    oauth: 'the provider\'s own endpoint',
  }[kind];
  return `sends your sign-in token to ${origin}, which is neither ${usual} nor a host your organization allows; `
    + `confirm that you trust ${origin} (Trust button in the options page) or use ${usual}`;
}

/**
 * The host patterns a policy allows, from its `trustedEndpointHosts` field; anything malformed
 * is left out (the validation reports it).
 */
export function policyTrustedHosts(managed: unknown): string[] {
  const value = typeof managed === 'object' && managed !== null ? (managed as Record<string, unknown>).trustedEndpointHosts : undefined;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}
