/**
 * What Cognito's errors mean for one identity pool profile, and what to fix. The pool answers
 * with JSON bodies whose `__type` the SDK turns into the error's name.
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html#API_GetId_Errors
 */
import { ErrorCodes, ExtensionError } from '../errors';
import type { ErrorCode } from '../errors';
import type { Provider } from '../config/types';
import { scrubSecrets } from '../util/scrub-secrets';
import type { CognitoProfile } from './cognito-profile';
import { loginsKeyFor } from './logins-key';

/** The pool's operation that failed, for the message. */
export type CognitoOperation = 'GetId' | 'GetCredentialsForIdentity' | 'GetOpenIdToken';

function awsMessage(error: Error): string {
  const text = scrubSecrets(error.message.replace(/\s+/g, ' ').trim());
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The wire name without `Exception`, as the SDK names modeled (class) and unmodeled (`__type`) errors alike. */
export function cognitoErrorName(error: unknown): string {
  return error instanceof Error ? error.name.replace(/Exception$/, '') : '';
}

/** The pool's identity provider settings a profile needs, said in the console's words. */
export function poolProviderSettings(profile: CognitoProfile, provider: Provider): string {
  const key = loginsKeyFor(provider);
  if (provider.oauth) return `In identity pool ${profile.cognito.identityPoolId}, add the identity provider ${key === 'www.amazon.com' ? 'Login with Amazon' : 'Facebook'} with app id "${provider.clientId}".`;
  return `In identity pool ${profile.cognito.identityPoolId} → User access → Add identity provider → OpenID Connect (OIDC): choose the IAM OIDC identity provider "${key}" (create it in IAM with provider URL ${provider.issuer.replace(/\/$/, '')} and audience "${provider.clientId}"), so the pool accepts the Logins key "${key}".`;
}

/** Maps an error thrown by the Cognito identity client to an {@link ExtensionError} for this profile. */
export function explainCognitoError(error: unknown, operation: CognitoOperation, profile: CognitoProfile, provider: Provider): ExtensionError {
  if (error instanceof ExtensionError) return error;
  const { identityPoolId, endpoint } = profile.cognito;
  if (!(error instanceof Error)) return new ExtensionError(ErrorCodes.cognitoFailed, `Cognito ${operation} failed for ${profile.name}.`, { hint: 'Try again.' });
  const make = (code: ErrorCode, message: string, hint: string) => new ExtensionError(code, message, { hint, cause: error });
  const said = awsMessage(error);
  const key = loginsKeyFor(provider);
  if (!('$fault' in error)) {
    return !('$response' in error)
      ? make(ErrorCodes.cognitoUnreachable, `Could not reach Amazon Cognito at ${endpoint}.`, 'Check your network connection or VPN, and the profile\'s cognitoEndpoint.')
      : make(ErrorCodes.cognitoFailed, `The answer of Amazon Cognito at ${endpoint} could not be read (${error.name}).`, 'Check that the profile\'s cognitoEndpoint is a Cognito identity endpoint.');
  }
  const name = cognitoErrorName(error);
  if (name === 'TooManyRequests' || name === 'LimitExceeded') {
    return make(ErrorCodes.cognitoThrottled, `Amazon Cognito is throttling ${operation} requests right now (${name}).`, 'Wait a minute and try again; automatic refreshes retry with backoff. If it lasts, ask for a higher Cognito quota.');
  }
  if ((error as { $fault?: unknown }).$fault === 'server') {
    return make(ErrorCodes.cognitoUnavailable, `Amazon Cognito at ${endpoint} failed (${name}) during ${operation}.`, 'The fault is on the Cognito side; try again in a few minutes. Credentials you already have stay valid until they expire.');
  }
  switch (name) {
    case 'NotAuthorized':
      if (/expired/i.test(said)) {
        return make(ErrorCodes.cognitoExpiredToken, `The token from ${provider.name} expired before identity pool ${identityPoolId} accepted it.`, 'Sign in again; check that this computer\'s clock is right.');
      }
      if (/classic|basic/i.test(said)) {
        return make(ErrorCodes.cognitoPoolConfiguration, `Identity pool ${identityPoolId} does not allow the basic (classic) flow: ${said}`, 'Turn on "Basic (classic) authentication" in the pool\'s settings, or set the profile\'s cognitoFlow to "enhanced".');
      }
      return make(ErrorCodes.cognitoNotAuthorized, `Identity pool ${identityPoolId} did not accept the token from ${provider.name} (${operation}): ${said}`,
        `The pool expects the Logins key "${key}". ${poolProviderSettings(profile, provider)} Also check that the pool allows authenticated access.`);
    case 'ResourceNotFound':
      return make(ErrorCodes.cognitoNotFound, `Identity pool ${identityPoolId} or its identity was not found in ${profile.region} (${operation}): ${said}`,
        `Check the profile's identityPoolId and region${profile.cognito.accountId ? ` and accountId ${profile.cognito.accountId}` : ''}: copy the id from the Cognito console's identity pool page.`);
    case 'InvalidIdentityPoolConfiguration':
      return make(ErrorCodes.cognitoPoolConfiguration, `Identity pool ${identityPoolId} has no usable role for this sign-in: ${said}`,
        `Give the pool an authenticated role (or role rules that match the token), and let that role trust Cognito: Federated principal "cognito-identity.amazonaws.com", action sts:AssumeRoleWithWebIdentity, "cognito-identity.amazonaws.com:aud" equal to "${identityPoolId}" and "cognito-identity.amazonaws.com:amr" equal to "authenticated".${profile.roleArn ? ` With a named role (${profile.roleName}), the pool's role settings must let the token choose it.` : ''}`);
    case 'InvalidParameter':
      return make(ErrorCodes.cognitoInvalidParameter, `Amazon Cognito refused the ${operation} request for ${profile.name}: ${said}`, 'Check the profile\'s identityPoolId, accountId and roleArn.');
    case 'ResourceConflict':
      return make(ErrorCodes.cognitoConflict, `Identity pool ${identityPoolId} links this sign-in to another identity: ${said}`, 'The login is already linked to a different identity in this pool; an administrator can unlink or merge the identities in Cognito.');
    case 'ExternalService':
      return make(ErrorCodes.cognitoExternalService, `Identity pool ${identityPoolId} could not check the token with ${provider.name}: ${said}`, `The issuer's discovery document and keys (${provider.issuer}) must be reachable from AWS over the internet; try again shortly.`);
    default:
      return make(ErrorCodes.cognitoFailed, `Amazon Cognito answered ${error.name} to ${operation} for ${profile.name}: ${said}`, 'Try again; if it repeats, check the identity pool\'s settings.');
  }
}
