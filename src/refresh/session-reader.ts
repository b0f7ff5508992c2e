/**
 * Typed reads of a snapshot of `storage.session`, shared by the schedule, the badge and the
 * popup. Records of the schedule count only for the sign-in they were written for.
 */
import type { Profile } from '../config/types';
import { credentialsKey, profileStatusKey, providerSessionKey } from '../storage/keys';
import type { ActivityStatus, ProviderSession } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import { refreshingShownMs } from '../storage/records';
import { refreshingKey, renewalKey, retryKey } from '../storage/keys';
import type { RefreshingRecord, RenewalRecord, RetryRecord } from '../storage/records';

/** Reads typed records out of a snapshot of session storage. */
export function sessionReader(session: Record<string, unknown>) {
  const read = <T>(key: string) => session[key] as T | undefined;
  const providerSession = (providerId: string) => read<ProviderSession>(providerSessionKey(providerId));
  /** A record counts only for the sign-in it was written for. */
  const current = <T extends { signedInAt?: number }>(key: string, providerId: string): T | undefined => {
    const record = read<T>(key);
    const signedIn = providerSession(providerId);
    return record && signedIn && record.signedInAt === signedIn.signedInAt ? record : undefined;
  };
  return {
    providerSession,
    credentials: (profileId: string) => read<ProfileCredentials>(credentialsKey(profileId)),
    status: (profileId: string) => read<ActivityStatus>(profileStatusKey(profileId)),
    renewal: (providerId: string) => current<RenewalRecord>(renewalKey(providerId), providerId),
    retry: (profile: Profile) => current<RetryRecord>(retryKey(profile.id), profile.providerId),
    /** Whether a refresh of the profile's credentials is under way at `now`. */
    refreshing: (profile: Profile, now: number) => {
      const record = current<RefreshingRecord>(refreshingKey(profile.id), profile.providerId);
      return record !== undefined && now - record.since < refreshingShownMs;
    },
  };
}

/** True when the provider's renewal waits for the user or for a fix, so no automatic attempt. */
export function renewalBlocked(record: RenewalRecord | undefined): boolean {
  return record?.state === 'needs-sign-in' || record?.state === 'failed';
}

/** The reader's interface. */
export type SessionReader = ReturnType<typeof sessionReader>;
