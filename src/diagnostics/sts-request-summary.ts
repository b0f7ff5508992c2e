/**
 * The parameters sent to STS, as the diagnostics show them.
 */
import type { AssumeRoleRequest } from '../sts/assume-role';
import type { StsRequestSummary } from './types';

/** The request's parameters; the token is left out on purpose, it is a bearer credential. */
export function stsRequestSummary(request: Pick<AssumeRoleRequest, 'profile' | 'sessionName'>): StsRequestSummary {
  const { profile } = request;
  return {
    endpoint: profile.stsEndpoint,
    region: profile.region,
    RoleArn: profile.roleArn,
    RoleSessionName: request.sessionName,
    DurationSeconds: profile.durationSeconds,
  };
}
