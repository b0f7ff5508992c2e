/**
 * One error type for everything a user can meet, carrying a stable code, a message that names
 * what went wrong, and a hint that says what to do. It crosses the message boundary as plain data.
 */

/** Stable error codes; tests and the popup match on these, never on message text. */
export const ErrorCodes = {
  configInvalid: 'CONFIG_INVALID',
  idpUnreachable: 'IDP_UNREACHABLE',
  discoveryFailed: 'IDP_DISCOVERY_FAILED',
  loginCancelled: 'LOGIN_CANCELLED',
  loginFailed: 'LOGIN_FAILED',
  authorizationRejected: 'AUTHORIZATION_REJECTED',
  stateMismatch: 'STATE_MISMATCH',
  redirectMismatch: 'REDIRECT_MISMATCH',
  tokenRequestFailed: 'TOKEN_REQUEST_FAILED',
  idTokenInvalid: 'ID_TOKEN_INVALID',
  notSignedIn: 'NOT_SIGNED_IN',
  subjectChanged: 'SUBJECT_CHANGED',
  sessionLifetimeReached: 'SESSION_LIFETIME_REACHED',
  credentialsExpired: 'CREDENTIALS_EXPIRED',
  interrupted: 'INTERRUPTED',
  stsInvalidIdentityToken: 'STS_INVALID_IDENTITY_TOKEN',
  stsExpiredToken: 'STS_EXPIRED_TOKEN',
  stsRejectedClaim: 'STS_IDP_REJECTED_CLAIM',
  stsIdpCommunication: 'STS_IDP_COMMUNICATION_ERROR',
  stsAccessDenied: 'STS_ACCESS_DENIED',
  stsDurationTooLong: 'STS_DURATION_TOO_LONG',
  stsValidation: 'STS_VALIDATION_ERROR',
  stsThrottled: 'STS_THROTTLED',
  stsRegionDisabled: 'STS_REGION_DISABLED',
  stsPolicy: 'STS_POLICY_ERROR',
  stsUnreachable: 'STS_UNREACHABLE',
  stsUnavailable: 'STS_UNAVAILABLE',
  stsFailed: 'STS_FAILED',
  cognitoNotAuthorized: 'COGNITO_NOT_AUTHORIZED',
  cognitoExpiredToken: 'COGNITO_EXPIRED_TOKEN',
  cognitoNotFound: 'COGNITO_RESOURCE_NOT_FOUND',
  cognitoPoolConfiguration: 'COGNITO_INVALID_POOL_CONFIGURATION',
  cognitoInvalidParameter: 'COGNITO_INVALID_PARAMETER',
  cognitoConflict: 'COGNITO_RESOURCE_CONFLICT',
  cognitoExternalService: 'COGNITO_EXTERNAL_SERVICE',
  cognitoThrottled: 'COGNITO_THROTTLED',
  cognitoUnreachable: 'COGNITO_UNREACHABLE',
  cognitoUnavailable: 'COGNITO_UNAVAILABLE',
  cognitoFailed: 'COGNITO_FAILED',
  consoleCredentialsExpired: 'CONSOLE_CREDENTIALS_EXPIRED',
  consoleNoAccess: 'CONSOLE_NO_ACCESS',
  consoleUnsupportedPartition: 'CONSOLE_UNSUPPORTED_PARTITION',
  consoleUnreachable: 'CONSOLE_UNREACHABLE',
  consoleRejected: 'CONSOLE_REJECTED',
  clipboardFailed: 'CLIPBOARD_FAILED',
  forbiddenSender: 'FORBIDDEN_SENDER',
  unknownMessage: 'UNKNOWN_MESSAGE',
  internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** The serializable form of an {@link ExtensionError}. */
export interface UserFacingError {
  code: ErrorCode;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

/** An error meant to be read by the user. */
export class ExtensionError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ExtensionError';
    this.code = code;
    this.hint = options?.hint;
  }

  /** Plain data for storage and messages; the cause stays behind since it may hold secrets. */
  toJSON(): UserFacingError {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Turns anything thrown into something safe to show and store. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof ExtensionError) return error.toJSON();
  return {
    code: ErrorCodes.internal,
    message: 'Something unexpected went wrong.',
    hint: 'Try again; if it keeps happening, report it with the steps that led here.',
  };
}
