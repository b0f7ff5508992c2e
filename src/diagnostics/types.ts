/**
 * What the sign-in path records in `storage.session` for the diagnostics view. None of it is a
 * secret: claims are decoded, the token stays in the provider session; requests omit the token.
 */
import type { StsErrorDetails } from '../sts/sts-error-details';

/** The claims of the last ID token a provider sent, accepted or rejected. */
export interface ProviderDiagnostics {
  claims: Record<string, unknown>;
  /** False when the sign-in rejected the token: the claims are then what it said, not facts. */
  verified: boolean;
  receivedAt: number;
}

/** The parameters of an AssumeRoleWithWebIdentity request, without the WebIdentityToken. */
export interface StsRequestSummary {
  endpoint: string;
  region: string;
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds: number;
  /** For OAuth 2.0 access tokens: `www.amazon.com` or `graph.facebook.com`. */
  ProviderId?: string;
  /** The inline session policy, as JSON text. */
  Policy?: string;
  /** The managed session policy ARNs, comma-separated. */
  PolicyArns?: string;
}

/** The last STS call of a profile and how it ended. */
export interface ProfileDiagnostics {
  request: StsRequestSummary;
  at: number;
  /** Set when the answer was an error or no answer came. */
  error?: StsErrorDetails;
  /** Set when STS refused the configured duration and the request was repeated with a shorter one. */
  durationNote?: string;
}
