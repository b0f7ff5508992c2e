/**
 * One request per profile, whichever service answers it: STS AssumeRoleWithWebIdentity for a
 * role, or an identity pool. Built once (prepare), then sent; the same prepared request feeds
 * the diagnostics.
 */
import { prepareAssumeRole, sendAssumeRole } from '../sts/assume-role';
import type { AssumeRoleRequest, PreparedAssumeRole } from '../sts/assume-role';
import type { ProfileCredentials } from '../sts/credentials';
import { stsRequestSummary } from '../sts/sts-request-summary';
import type { StsRequestSummary } from '../sts/sts-request-summary';
import type { IdentityIdCache } from './identity-id-cache';
import { isCognitoProfile } from './cognito-profile';
import { cognitoRequestSummary, prepareCognito } from './prepare-cognito';
import type { CognitoRequestSummary, PreparedCognito } from './prepare-cognito';
import { sendCognito } from './send-cognito';

/** A profile's prepared request. */
export type PreparedCredentialsRequest = PreparedAssumeRole | PreparedCognito;

/** What the diagnostics show of a request. */
export type CredentialsRequestSummary = StsRequestSummary | CognitoRequestSummary;

/** Builds the profile's request: the identity pool exchange for a pool profile, else AssumeRoleWithWebIdentity. */
export async function prepareCredentialsRequest(request: AssumeRoleRequest): Promise<PreparedCredentialsRequest> {
  const { profile } = request;
  return isCognitoProfile(profile) ? prepareCognito({ ...request, profile }) : prepareAssumeRole(request);
}

/** The prepared request's parameters as the diagnostics show them, without any token. */
export function credentialsRequestSummary(prepared: PreparedCredentialsRequest): CredentialsRequestSummary {
  return 'kind' in prepared ? cognitoRequestSummary(prepared) : stsRequestSummary(prepared);
}

/** The boundaries of {@link createCredentialsSender}. */
export interface CredentialsSenderDeps {
  identityIds: IdentityIdCache;
  /** Defaults to the real STS call. */
  sendAssumeRole?(request: PreparedAssumeRole): Promise<ProfileCredentials>;
}

/** Sends prepared requests to the service each one names. */
export function createCredentialsSender(deps: CredentialsSenderDeps) {
  const cognitoDeps = { identityIds: deps.identityIds, sendAssumeRole: deps.sendAssumeRole ?? sendAssumeRole };
  const send = (prepared: PreparedCredentialsRequest): Promise<ProfileCredentials> =>
    'kind' in prepared ? sendCognito(prepared, cognitoDeps) : cognitoDeps.sendAssumeRole(prepared);
  return {
    send,
    /** Prepares and sends in one step, for callers that keep no diagnostics of their own (test sign-in). */
    obtain: async (request: AssumeRoleRequest): Promise<ProfileCredentials> => send(await prepareCredentialsRequest(request)),
  };
}
