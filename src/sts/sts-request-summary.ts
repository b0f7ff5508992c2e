/**
 * The parameters sent to STS, as the diagnostics show them.
 */
import type { AssumeRoleRequest } from './assume-role';
import { sessionNameFor } from './session-name-for';
import type { StsRequestSummary } from '../diagnostics/types';

/**
 * The request's parameters as `assumeRoleWithWebIdentity` sends them (the session name rendered
 * from the profile's template, the session policies, the OAuth 2.0 `ProviderId`); the token is
 * left out on purpose, it is a bearer credential.
 */
export async function stsRequestSummary(request: Pick<AssumeRoleRequest, 'profile' | 'provider' | 'idToken' | 'sessionName'>): Promise<StsRequestSummary> {
  const { profile, provider } = request;
  return {
    endpoint: profile.stsEndpoint,
    region: profile.region,
    RoleArn: profile.roleArn,
    RoleSessionName: await sessionNameFor(request),
    DurationSeconds: profile.durationSeconds,
    ...(provider.oauth ? { ProviderId: provider.oauth.stsProviderId } : {}),
    ...(profile.sessionPolicy ? { Policy: profile.sessionPolicy } : {}),
    ...(profile.policyArns?.length ? { PolicyArns: profile.policyArns.join(', ') } : {}),
  };
}
