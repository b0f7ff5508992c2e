/**
 * Explains STS errors in words a cloud engineer can act on. The most common failure in web
 * identity federation is a trust policy or audience that does not match the token.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_Errors
 */
import type { Profile, Provider } from '../config/types';
import { scrubSecrets } from '../util/scrub-secrets';
import { ErrorCodes, ExtensionError } from '../errors';

/** The IAM name of an OIDC provider: its issuer without the scheme (`idp.example.com/tenant`). */
export function oidcProviderName(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The claim that carries session tags into STS. */
export const tagsClaim = 'https://aws.amazon.com/tags';

/** Wire codes of throttling, which the SDK retries with backoff before we see them. */
const throttlingCodes = new Set(['Throttling', 'RequestLimitExceeded', 'TooManyRequests', 'RequestThrottled', 'SlowDown']);

/** True when STS refused the duration because the role allows less. */
export function isDurationTooLong(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationError' && /DurationSeconds exceeds the MaxSessionDuration/i.test(error.message);
}

function awsMessage(error: Error): string {
  const text = scrubSecrets(error.message.replace(/\s+/g, ' ').trim());
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Maps an error thrown by the STS client to an {@link ExtensionError} for this profile. */
export function explainStsError(error: unknown, profile: Profile, provider: Provider): ExtensionError {
  if (error instanceof ExtensionError) return error;
  if (!(error instanceof Error)) return new ExtensionError(ErrorCodes.stsFailed, `STS failed for ${profile.name}.`, { hint: 'Try again.' });
  const idp = oidcProviderName(provider.issuer);
  const said = awsMessage(error);
  const federated = `arn:${profile.partition}:iam::${profile.accountId}:oidc-provider/${idp}`;
  const make = (code: ExtensionError['code'], message: string, hint: string) => new ExtensionError(code, message, { hint, cause: error });
  // The SDK names modeled errors after their classes (InvalidIdentityTokenException) and
  // unmodeled ones after the wire code (Throttling); fold both into the wire code.
  const wire = (error as { Code?: unknown }).Code;
  const code = (typeof wire === 'string' && wire ? wire : error.name).replace(/Exception$/, '');
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
  const tried = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
  // A service error carries $fault; without it, STS either never answered or said something unreadable.
  if (!('$fault' in error)) {
    // The SDK attaches the raw $response to errors raised while reading an answer.
    return !('$response' in error)
      ? make(ErrorCodes.stsUnreachable, `Could not reach STS at ${profile.stsEndpoint}.`, 'Check your network connection or VPN, and the profile\'s stsEndpoint.')
      : make(ErrorCodes.stsFailed, `The answer of STS at ${profile.stsEndpoint} could not be read (${error.name}).`, 'Check that the profile\'s stsEndpoint is an STS endpoint.');
  }
  if (throttlingCodes.has(code)) {
    return make(ErrorCodes.stsThrottled, `STS is throttling requests right now (${code}${tried}).`, 'Wait a minute and click Sign in again; requests are retried automatically with backoff.');
  }
  if ((error as { $fault?: unknown }).$fault === 'server') {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return make(ErrorCodes.stsUnavailable, `STS at ${profile.stsEndpoint} failed with HTTP ${status ?? '5xx'} (${code})${tried}.`,
      'The fault is on the STS side; try again in a few minutes. Credentials you already have stay valid until they expire.');
  }
  switch (code) {
    case 'InvalidIdentityToken':
      return make(ErrorCodes.stsInvalidIdentityToken, `STS rejected the ID token from ${provider.name}: ${said}`,
        `In account ${profile.accountId}, create the IAM OIDC identity provider "${idp}" with audience "${provider.clientId}", or fix the one there.`);
    case 'ExpiredToken':
      return make(ErrorCodes.stsExpiredToken, `The ID token from ${provider.name} expired before STS accepted it.`, 'Sign in again; check that this computer\'s clock is right.');
    case 'IDPRejectedClaim':
      return make(ErrorCodes.stsRejectedClaim, `STS did not accept the token's claims for role ${profile.roleName}: ${said}`,
        `Check that the IAM OIDC provider "${idp}" lists audience "${provider.clientId}" and that the role's trust policy conditions on "${idp}:aud" and "${idp}:sub" match the token.`);
    case 'IDPCommunicationError':
      return make(ErrorCodes.stsIdpCommunication, `STS could not fetch the signing keys of ${provider.name}: ${said}`, 'The issuer\'s discovery document and keys must be reachable from AWS over the internet; try again shortly.');
    case 'AccessDenied':
      return make(ErrorCodes.stsAccessDenied, `Not allowed to assume role ${profile.roleName} in account ${profile.accountId} with this sign-in: ${said}`,
        `The role's trust policy must allow "sts:AssumeRoleWithWebIdentity" for the Federated principal "${federated}" with the condition "${idp}:aud" equal to "${provider.clientId}" (and "sts:TagSession" when the token carries ${tagsClaim}). Details shows a policy built from your token.`);
    case 'ValidationError':
      if (isDurationTooLong(error)) {
        return make(ErrorCodes.stsDurationTooLong, `Role ${profile.roleName} does not allow sessions of ${profile.durationSeconds} seconds.`,
          'Lower the profile\'s durationSeconds, or raise the role\'s maximum session duration in IAM.');
      }
      return make(ErrorCodes.stsValidation, `STS refused the request for ${profile.name}: ${said}`, 'Check the profile\'s roleArn and durationSeconds.');
    case 'RegionDisabled':
      return make(ErrorCodes.stsRegionDisabled, `STS is not activated in ${profile.region} for account ${profile.accountId}.`, 'Activate the region for STS in IAM account settings, or pick another region for the profile.');
    case 'MalformedPolicyDocument':
      return make(ErrorCodes.stsPolicy, `STS refused the session policy for ${profile.name}: ${said}`,
        `This extension sends no session policy, so STS objects to the session tags in the token's ${tagsClaim} claim; fix their format at the identity provider.`);
    case 'PackedPolicyTooLarge':
      return make(ErrorCodes.stsPolicy, `STS refused the session for ${profile.name}: the session tags are too large. ${said}`,
        `The token's ${tagsClaim} claim carries more or longer session tags than STS accepts (at most 50 tags, keys up to 128 and values up to 256 characters, and a packed size limit); send fewer or shorter tags from the identity provider.`);
    default:
      return make(ErrorCodes.stsFailed, `STS answered ${error.name} for ${profile.name}: ${said}`, 'Try again; if it repeats, check the role and its trust policy.');
  }
}
