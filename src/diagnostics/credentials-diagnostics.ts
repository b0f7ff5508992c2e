/**
 * What Details shows of a profile's last credentials call (STS or an identity pool), written by
 * sign-in and by every refresh alike, so the page describes the call that happened last.
 */
import type { CredentialsRequestSummary } from '../cognito/credentials-request';
import type { ProfileDiagnostics } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import { stsErrorDetails } from '../sts/sts-error-details';

/** The record of one call: its request (never a token), when, and how it ended. */
export function credentialsDiagnostics(request: CredentialsRequestSummary, at: number, outcome: { credentials: ProfileCredentials } | { error: unknown }): ProfileDiagnostics {
  if ('credentials' in outcome) return { request, at, ...(outcome.credentials.durationNote ? { durationNote: outcome.credentials.durationNote } : {}) };
  const details = stsErrorDetails(outcome.error);
  return { request, at, ...(details ? { error: details } : {}) };
}
