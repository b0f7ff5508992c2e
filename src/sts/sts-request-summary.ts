/**
 * The parameters sent to STS, as the diagnostics show them.
 */
import type { PreparedAssumeRole } from './assume-role';

/** The parameters of an AssumeRoleWithWebIdentity request, without the WebIdentityToken. */
export interface StsRequestSummary {
  endpoint: string;
  region: string;
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds: number;
  /** For OAuth 2.0 access tokens: `www.amazon.com` or `graph.facebook.com`. */
  ProviderId?: string;
  /** The inline session policy, as JSON text. */
  Policy?: string;
  /** The managed session policy ARNs, comma-separated. */
  PolicyArns?: string;
}

/** The prepared request's parameters, as the diagnostics show them; the token is left out on purpose, it is a bearer credential. */
export function stsRequestSummary({ profile, input }: PreparedAssumeRole): StsRequestSummary {
  return {
    endpoint: profile.stsEndpoint,
    region: profile.region,
    RoleArn: input.RoleArn as string,
    RoleSessionName: input.RoleSessionName,
    DurationSeconds: input.DurationSeconds,
    ...(input.ProviderId ? { ProviderId: input.ProviderId } : {}),
    ...(input.Policy ? { Policy: input.Policy } : {}),
    ...(input.PolicyArns?.length ? { PolicyArns: input.PolicyArns.map((policy) => policy.arn).join(', ') } : {}),
  };
}
