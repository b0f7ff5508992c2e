/**
 * Translates what oauth4webapi and the identity API throw into errors a user can act on.
 */
import * as oauth from 'oauth4webapi';
import { ErrorCodes, ExtensionError } from '../errors';
import type { Provider } from '../config/types';

/** Authorization-response `error` values that mean "the user must sign in interactively". */
export const userNeededErrors: readonly string[] = ['login_required', 'interaction_required', 'consent_required', 'account_selection_required'];

function claimOf(error: oauth.OperationProcessingError): string | undefined {
  const cause = error.cause as { claim?: unknown } | undefined;
  return typeof cause?.claim === 'string' ? cause.claim : undefined;
}

/** Errors from the ID token checks: issuer, audience, nonce, expiry. */
function idTokenError(provider: Provider, error: oauth.OperationProcessingError): ExtensionError {
  const claim = claimOf(error);
  const reasons: Record<string, [string, string]> = {
    iss: [`its issuer is not ${provider.issuer}`, 'Set the provider\'s issuer to exactly the "issuer" of its discovery document.'],
    aud: [`its audience does not include the client id "${provider.clientId}"`, 'Check the provider\'s clientId against the application registered with the identity provider.'],
    azp: [`it was issued to another client than "${provider.clientId}"`, 'Check the provider\'s clientId.'],
    nonce: ['its nonce does not match this sign-in (a replayed or mixed-up response)', 'Sign in again; if it repeats, the identity provider is misbehaving.'],
    exp: ['it has already expired', 'Check that this computer\'s clock is right, then sign in again.'],
    iat: ['it was issued too long ago', 'Check that this computer\'s clock is right, then sign in again.'],
    nbf: ['it is not valid yet', 'Check that this computer\'s clock is right, then sign in again.'],
  };
  const [reason, hint] = (claim && reasons[claim]) || ['it failed validation', 'Sign in again; if it repeats, check the provider settings.'];
  return new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned an ID token that was rejected: ${reason}.`, { hint, cause: error });
}

/** Errors from the authorization redirect (`state`, `iss`, `error=`). */
export function authorizationResponseError(provider: Provider, error: unknown): ExtensionError {
  if (error instanceof oauth.AuthorizationResponseError) {
    const description = error.error_description ? `: ${error.error_description}` : '';
    if (userNeededErrors.includes(error.error)) {
      return new ExtensionError(ErrorCodes.loginFailed, `${provider.name} needs you to sign in again (${error.error}).`, { hint: 'Click Sign in.', cause: error });
    }
    const hint = error.error === 'access_denied'
      ? 'Your account may not be assigned to this application; ask your identity provider\'s administrator.'
      : 'Check the provider\'s clientId, scopes and that the redirect URI is registered with the identity provider.';
    return new ExtensionError(ErrorCodes.authorizationRejected, `${provider.name} refused the sign-in (${error.error}${description}).`, { hint, cause: error });
  }
  if (error instanceof oauth.OperationProcessingError && /"state"/.test(error.message)) {
    return new ExtensionError(ErrorCodes.stateMismatch, `The answer from ${provider.name} does not belong to this sign-in (state mismatch), so it was discarded.`, {
      hint: 'Sign in again. If it repeats, something is interfering with the sign-in.',
      cause: error,
    });
  }
  if (error instanceof oauth.OperationProcessingError && /"iss"/.test(error.message)) {
    return new ExtensionError(ErrorCodes.stateMismatch, `The answer to this sign-in came from another issuer than ${provider.issuer}, so it was discarded.`, {
      hint: 'Sign in again; check that the issuer is the one you expect.',
      cause: error,
    });
  }
  return new ExtensionError(ErrorCodes.loginFailed, `The answer from ${provider.name} could not be read.`, { hint: 'Sign in again.', cause: error });
}

/** Errors from the token request and the checks of its response. */
export function tokenResponseError(provider: Provider, error: unknown): ExtensionError {
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.error_description ? `: ${error.error_description}` : '';
    return new ExtensionError(ErrorCodes.tokenRequestFailed, `${provider.name} refused to issue tokens (${error.error}${description}).`, {
      hint: error.error === 'invalid_client' || error.error === 'unauthorized_client'
        ? 'The application must be registered as a public client (no secret) with PKCE and the authorization code grant.'
        : 'Sign in again.',
      cause: error,
    });
  }
  if (error instanceof oauth.OperationProcessingError) {
    if (error.code === oauth.JWT_CLAIM_COMPARISON || error.code === oauth.JWT_TIMESTAMP_CHECK) return idTokenError(provider, error);
    if (/JWT "alg" header/.test(error.message)) {
      return new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned an ID token that was rejected: it is unsigned or signed with an algorithm the provider does not announce.`, {
        hint: 'AWS STS expects RS256-signed ID tokens; check the application\'s token signing settings at the identity provider.',
        cause: error,
      });
    }
    const missing = /JWT "(\w+)" .* claim missing/.exec(error.message)?.[1];
    if (missing) {
      return new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned an ID token that was rejected: it has no "${missing}" claim.`, {
        hint: missing === 'nonce' ? 'The identity provider must echo the nonce of the request; a replayed token lacks it.' : 'Check the identity provider\'s token settings.',
        cause: error,
      });
    }
    if (/id_token/.test(error.message)) {
      return new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned no usable ID token.`, {
        hint: 'Make sure the "openid" scope is allowed for this application.',
        cause: error,
      });
    }
  }
  return networkOr(provider, error, ErrorCodes.tokenRequestFailed, `The token answer from ${provider.name} could not be used.`);
}

/** Errors from checking the ID token's signature against the keys at the IdP's `jwks_uri`. */
export function signatureError(provider: Provider, error: unknown): ExtensionError {
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned an ID token that was rejected: its signature does not verify with the keys the provider publishes.`, {
      hint: 'The token may be forged or the provider rotated its keys; sign in again. If it repeats, check the provider\'s jwks_uri and token signing settings.',
      cause: error,
    });
  }
  return networkOr(provider, error, ErrorCodes.idTokenInvalid, `The signing keys of ${provider.name} could not be read.`, 'Check that the provider\'s jwks_uri is reachable, then sign in again.');
}

/** Errors from OIDC discovery. */
export function discoveryError(provider: Provider, error: unknown): ExtensionError {
  const where = `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  if (error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
    const actual = (error.cause as { body?: { issuer?: unknown } } | undefined)?.body?.issuer;
    return new ExtensionError(ErrorCodes.discoveryFailed, `The discovery document at ${where} names issuer ${JSON.stringify(actual)}, not ${provider.issuer}.`, {
      hint: 'Set the provider\'s issuer to exactly that value (trailing slash included).',
      cause: error,
    });
  }
  return networkOr(provider, error, ErrorCodes.discoveryFailed, `The discovery document at ${where} could not be used.`, 'Check the issuer URL; it must serve OpenID Connect discovery.');
}

/** Errors from `identity.launchWebAuthFlow`. Chrome reports them only as message text. */
export function launchError(provider: Provider, error: unknown): ExtensionError {
  const message = error instanceof Error ? error.message : String(error);
  if (/did not approve|user cancelled|canceled|closed/i.test(message)) {
    return new ExtensionError(ErrorCodes.loginCancelled, `Sign-in to ${provider.name} was cancelled: the login window was closed.`, { hint: 'Click Sign in to try again.', cause: error });
  }
  if (/interaction required|user interaction/i.test(message)) {
    return new ExtensionError(ErrorCodes.loginFailed, `${provider.name} needs you to sign in again.`, { hint: 'Click Sign in.', cause: error });
  }
  return new ExtensionError(ErrorCodes.loginFailed, `The sign-in page of ${provider.name} could not be loaded.`, {
    hint: 'Check that the identity provider is reachable and that the redirect URI shown in the popup is registered for this client.',
    cause: error,
  });
}

function networkOr(provider: Provider, error: unknown, code: ExtensionError['code'], message: string, hint = 'Try again.'): ExtensionError {
  // fetch reports network failures as a bare TypeError; oauth4webapi's own TypeErrors carry a code.
  if (error instanceof TypeError && !('code' in error)) {
    return new ExtensionError(ErrorCodes.idpUnreachable, `Could not reach ${provider.name} at ${new URL(provider.issuer).origin}.`, {
      hint: 'Check your network connection or VPN, then try again.',
      cause: error,
    });
  }
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new ExtensionError(code, `${message}${detail}`, { hint, cause: error });
}
