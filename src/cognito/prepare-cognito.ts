/**
 * The identity pool requests, built once: what the calls send and what the diagnostics show.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
import type { Provider } from '../config/types';
import { prepareAssumeRole } from '../sts/assume-role';
import type { AssumeRoleRequest, PreparedAssumeRole } from '../sts/assume-role';
import type { CognitoProfile } from './cognito-profile';
import { identitySubject } from './identity-id-cache';
import { loginsKeyFor } from './logins-key';

/** The requests of one identity pool exchange, prepared. */
export interface PreparedCognito {
  kind: 'cognito';
  profile: CognitoProfile;
  provider: Provider;
  /** Whom the identity id is cached for ({@link identitySubject}). */
  subject: string;
  /** Sent by every call; the token is a bearer credential, kept out of the diagnostics. */
  logins: Record<string, string>;
  loginsKey: string;
  /** The basic flow's STS request, with the pool's token filled in when it arrives. */
  assumeRole?: PreparedAssumeRole;
}

/**
 * Prepares the exchange. The basic flow's STS request is built here from the ID token (its
 * session name template reads the ID token's claims); its WebIdentityToken is replaced by the
 * pool's token before it is sent.
 */
export async function prepareCognito(request: AssumeRoleRequest & { profile: CognitoProfile }): Promise<PreparedCognito> {
  const { profile, provider, idToken } = request;
  const loginsKey = loginsKeyFor(provider);
  const prepared: PreparedCognito = { kind: 'cognito', profile, provider, subject: identitySubject(provider.id, request.sessionName), logins: { [loginsKey]: idToken }, loginsKey };
  if (profile.cognito.flow === 'basic') {
    const sts = await prepareAssumeRole(request);
    // The pool's token is an OpenID Connect token whatever the provider was; no ProviderId goes with it.
    delete sts.input.ProviderId;
    prepared.assumeRole = { ...sts, input: { ...sts.input, WebIdentityToken: '' } };
  }
  return prepared;
}

/** The parameters of the identity pool requests as the diagnostics show them, without any token. */
export interface CognitoRequestSummary {
  endpoint: string;
  region: string;
  flow: 'enhanced (GetId, GetCredentialsForIdentity)' | 'basic (GetId, GetOpenIdToken, STS AssumeRoleWithWebIdentity)';
  IdentityPoolId: string;
  AccountId?: string;
  /** The key the pool must know: the provider's name in its identity providers. */
  LoginsKey: string;
  CustomRoleArn?: string;
  /** The basic flow's STS request. */
  stsEndpoint?: string;
  RoleArn?: string;
  RoleSessionName?: string;
  DurationSeconds?: number;
}

/** The prepared exchange's parameters, as the diagnostics show them. */
export function cognitoRequestSummary({ profile, loginsKey, assumeRole }: PreparedCognito): CognitoRequestSummary {
  const { cognito } = profile;
  return {
    endpoint: cognito.endpoint,
    region: profile.region,
    flow: assumeRole ? 'basic (GetId, GetOpenIdToken, STS AssumeRoleWithWebIdentity)' : 'enhanced (GetId, GetCredentialsForIdentity)',
    IdentityPoolId: cognito.identityPoolId,
    ...(cognito.accountId ? { AccountId: cognito.accountId } : {}),
    LoginsKey: loginsKey,
    ...(!assumeRole && profile.roleArn ? { CustomRoleArn: profile.roleArn } : {}),
    ...(assumeRole
      ? { stsEndpoint: profile.stsEndpoint, RoleArn: profile.roleArn, RoleSessionName: assumeRole.input.RoleSessionName, DurationSeconds: assumeRole.input.DurationSeconds }
      : {}),
  };
}
