/**
 * Which step of sign-in an error belongs to, named as the diagnostics and the debug report say it.
 */
import { ErrorCodes } from '../errors';
import type { ErrorCode } from '../errors';

const steps: Partial<Record<ErrorCode, string>> = {
  [ErrorCodes.configInvalid]: 'configuration',
  [ErrorCodes.idpUnreachable]: 'reaching the identity provider',
  [ErrorCodes.discoveryFailed]: 'OpenID Connect discovery',
  [ErrorCodes.loginCancelled]: 'login window',
  [ErrorCodes.loginFailed]: 'login window',
  [ErrorCodes.authorizationRejected]: 'authorization response',
  [ErrorCodes.stateMismatch]: 'authorization response',
  [ErrorCodes.redirectMismatch]: 'authorization response',
  [ErrorCodes.tokenRequestFailed]: 'token request',
  [ErrorCodes.idTokenInvalid]: 'ID token checks',
  [ErrorCodes.interrupted]: 'interrupted (the background stopped)',
};

/** The step `code` failed at; every STS_* code is the STS step, every COGNITO_* one the identity pool's. */
export function failingStep(code: ErrorCode): string {
  if (code.startsWith('STS_')) return 'STS AssumeRoleWithWebIdentity';
  if (code.startsWith('COGNITO_')) return 'Amazon Cognito identity pool';
  return steps[code] ?? 'sign-in';
}
