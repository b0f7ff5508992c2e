/**
 * What AssumeRoleWithWebIdentity gives a profile, as the extension keeps and copies it. Secret:
 * stored only in `storage.session`.
 */

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
