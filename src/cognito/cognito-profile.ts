/**
 * Which profiles an identity pool serves. Apart from the exchange, so the pages (diagnostics) can
 * ask without bundling the AWS SDK.
 */
import type { CognitoSettings, Profile } from '../config/types';

/** A profile whose credentials come from an identity pool. */
export type CognitoProfile = Profile & { cognito: CognitoSettings };

/** True for a profile that gets its credentials from an identity pool. */
export function isCognitoProfile(profile: Profile): profile is CognitoProfile {
  return profile.cognito !== undefined;
}
