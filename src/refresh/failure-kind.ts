/**
 * What a failed renewal means for the schedule: try again later, ask the user, get a new ID
 * token first, or stop until something changes. Decided from the error's code and, where one
 * code covers several situations, from what the IdP or STS actually answered (its cause).
 */
import * as oauth from 'oauth4webapi';
import { ErrorCodes, ExtensionError } from '../errors';
import type { ErrorCode } from '../errors';
import { userNeededErrors } from '../oidc/oidc-errors';

/**
 * - `transient`: the network, a 5xx or throttling; retry with backoff.
 * - `user-needed`: the IdP wants the user (session ended, refresh token revoked); stop and ask.
 * - `token-expired`: STS or the identity pool found the ID token expired; renew it and try again.
 * - `permanent`: configuration or trust policy; retrying changes nothing.
 */
export type FailureKind = 'transient' | 'user-needed' | 'token-expired' | 'permanent';

const byCode: Partial<Record<ErrorCode, FailureKind>> = {
  [ErrorCodes.idpUnreachable]: 'transient',
  [ErrorCodes.discoveryFailed]: 'transient',
  [ErrorCodes.stsThrottled]: 'transient',
  [ErrorCodes.stsUnreachable]: 'transient',
  [ErrorCodes.stsUnavailable]: 'transient',
  [ErrorCodes.interrupted]: 'transient',
  [ErrorCodes.stsIdpCommunication]: 'transient',
  [ErrorCodes.credentialsExpired]: 'transient',
  [ErrorCodes.internal]: 'transient',
  [ErrorCodes.tokenRequestFailed]: 'transient',
  [ErrorCodes.loginFailed]: 'user-needed',
  [ErrorCodes.loginCancelled]: 'user-needed',
  [ErrorCodes.notSignedIn]: 'user-needed',
  [ErrorCodes.subjectChanged]: 'user-needed',
  [ErrorCodes.sessionLifetimeReached]: 'user-needed',
  [ErrorCodes.stsExpiredToken]: 'token-expired',
  [ErrorCodes.cognitoThrottled]: 'transient',
  [ErrorCodes.cognitoUnreachable]: 'transient',
  [ErrorCodes.cognitoUnavailable]: 'transient',
  [ErrorCodes.cognitoExternalService]: 'transient',
  [ErrorCodes.cognitoExpiredToken]: 'token-expired',
};

/** The kind of a failure known only by its code, as stored for the popup. */
export function failureKindOfCode(code: ErrorCode): FailureKind {
  return byCode[code] ?? 'permanent';
}

function tokenEndpointKind(cause: unknown): FailureKind {
  if (!(cause instanceof oauth.ResponseBodyError)) return 'transient';
  // invalid_grant: the refresh token is revoked, expired or already spent.
  if (cause.error === 'invalid_grant') return 'user-needed';
  if (cause.status >= 500 || cause.error === 'temporarily_unavailable' || cause.error === 'server_error') return 'transient';
  return 'permanent';
}

function loginKind(cause: unknown): FailureKind {
  if (cause instanceof oauth.AuthorizationResponseError) return userNeededErrors.includes(cause.error) ? 'user-needed' : 'permanent';
  const message = cause instanceof Error ? cause.message : String(cause);
  // Chrome says "User interaction required." when the IdP shows a page instead of redirecting;
  // "could not be loaded" is an HTTP error or no network on the way, worth another try.
  return /interaction required|user interaction/i.test(message) || !/could not be loaded/i.test(message) ? 'user-needed' : 'transient';
}

function stsKind(cause: unknown): FailureKind {
  const fault = (cause as { $fault?: unknown; $metadata?: { httpStatusCode?: number } } | undefined);
  return fault?.$fault === 'server' || (fault?.$metadata?.httpStatusCode ?? 0) >= 500 ? 'transient' : 'permanent';
}

/** Classifies anything a renewal threw. Errors of our own making are retried, never fatal. */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ExtensionError)) return 'transient';
  if (error.code === ErrorCodes.tokenRequestFailed) return tokenEndpointKind(error.cause);
  if (error.code === ErrorCodes.loginFailed && error.cause !== undefined) return loginKind(error.cause);
  if (error.code === ErrorCodes.stsFailed || error.code === ErrorCodes.cognitoFailed) return stsKind(error.cause);
  return failureKindOfCode(error.code);
}
