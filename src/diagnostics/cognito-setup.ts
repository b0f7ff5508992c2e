/**
 * What an identity pool and its role need for a profile's sign-in to work, shown on the
 * diagnostics page when the pool (or STS, in the basic flow) refused: the Logins key the pool
 * expects, its identity provider settings, and the trust policy of the role.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
import { poolProviderSettings } from '../cognito/cognito-errors';
import { cognitoTrustPolicy } from '../cognito/cognito-trust';
import { loginsKeyFor } from '../cognito/logins-key';
import { isCognitoProfile } from '../cognito/cognito-profile';
import type { Profile, Provider } from '../config/types';
import { ErrorCodes } from '../errors';
import type { ErrorCode } from '../errors';

/** The setup a pool profile needs, said for this provider and pool. */
export interface CognitoSetup {
  identityPoolId: string;
  /** The key of `Logins`: the provider's name among the pool's identity providers. */
  loginsKey: string;
  /** The pool's identity provider settings, in the console's words. */
  providerSettings: string;
  /** The trust policy the pool's roles need, as pretty JSON. */
  trustPolicy: string;
}

/** The errors the setup explains: the pool refusing the token or having no role, STS refusing Cognito's token. */
const explained: readonly ErrorCode[] = [
  ErrorCodes.cognitoNotAuthorized,
  ErrorCodes.cognitoPoolConfiguration,
  ErrorCodes.stsAccessDenied,
  ErrorCodes.stsInvalidIdentityToken,
  ErrorCodes.stsRejectedClaim,
];

/** The setup for a pool profile that failed with `code`; `undefined` for other profiles or errors. */
export function cognitoSetupFor(profile: Profile, provider: Provider, code: ErrorCode): CognitoSetup | undefined {
  if (!isCognitoProfile(profile) || !explained.includes(code)) return undefined;
  const { identityPoolId } = profile.cognito;
  return {
    identityPoolId,
    loginsKey: loginsKeyFor(provider),
    providerSettings: poolProviderSettings(profile, provider),
    trustPolicy: JSON.stringify(cognitoTrustPolicy(identityPoolId), null, 2),
  };
}
