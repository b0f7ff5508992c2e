/**
 * Shapes of what the background keeps in `storage.session`: the only place secrets live.
 */
import type { UserFacingError } from '../errors';

/** Temporary AWS credentials for one profile, as returned by AssumeRoleWithWebIdentity. */
export interface ProfileCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Expiry as epoch milliseconds. */
  expiration: number;
  /** `arn:aws:sts::<account>:assumed-role/<role>/<session>` */
  assumedRoleArn: string;
  /** Region the profile is configured for; shells and SDKs read it from AWS_REGION. */
  region: string;
  sessionName: string;
  /** Epoch milliseconds when STS issued these credentials. */
  issuedAt: number;
  /** Set when STS refused the configured duration and a shorter one was used instead. */
  durationNote?: string;
}

/** What one sign-in with a provider produced; serves every profile of that provider. */
export interface ProviderSession {
  idToken: string;
  refreshToken?: string;
  /** ID token expiry as epoch milliseconds. */
  idTokenExpiresAt: number;
  /** `sub` claim; kept to derive session names, never shown in full. */
  subject: string;
  signedInAt: number;
}

/** The progress of the last action on a provider or profile, for the popup to render. */
export type ActivityStatus =
  | { state: 'idle'; updatedAt: number }
  | { state: 'busy'; step: string; updatedAt: number }
  | { state: 'error'; error: UserFacingError; updatedAt: number };
