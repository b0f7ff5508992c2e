/**
 * What a failed refresh leaves in storage for the schedule and the popup: a retry time with
 * backoff for transient failures, a halt for permanent ones, and an error on the profile that
 * says what happened and until when the current credentials still hold.
 */
import type { Profile } from '../config/types';
import { toUserFacingError } from '../errors';
import type { UserFacingError } from '../errors';
import { credentialsKey, profileStatusKey } from '../storage/keys';
import type { ActivityStatus, ProviderSession } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import { retryDelayMs } from './backoff';
import type { FailureKind } from './failure-kind';
import type { RefreshDeps } from './refresh-deps';
import { retryKey } from '../storage/keys';
import type { RetryRecord } from '../storage/records';

/** The error shown on a profile, with when the next attempt comes and how long its credentials last. */
export function profileError(error: unknown, deps: Pick<RefreshDeps, 'formatClock' | 'now'>, retryAt: number | undefined, credentials: ProfileCredentials | undefined): UserFacingError {
  const shown = toUserFacingError(error);
  if (retryAt === undefined) return shown;
  const valid = credentials && credentials.expiration > deps.now() ? `; the current credentials stay valid until ${deps.formatClock(credentials.expiration)}` : '';
  const hint = `${shown.hint ? `${shown.hint} ` : ''}Trying again automatically at ${deps.formatClock(retryAt)}${valid}.`;
  return { ...shown, hint };
}

/** A profile and what went wrong for it. */
export interface ProfileFailure {
  profile: Profile;
  error: unknown;
}

/**
 * Records failures of one kind for profiles of one sign-in, each with its own error. Transient
 * failures share one retry time (the next attempt renews the token once for all of them); others
 * halt automatic refresh of these profiles until the next sign-in or "Refresh now". A failure
 * that needs the user is the provider's to show, so the profiles are left as they are.
 */
export async function recordFailures(deps: RefreshDeps, failures: ProfileFailure[], session: ProviderSession, kind: FailureKind): Promise<void> {
  const profiles = failures.map((failure) => failure.profile);
  if (kind === 'user-needed' || profiles.length === 0) return;
  const now = deps.now();
  const previous = await Promise.all(profiles.map((profile) => deps.store.get<RetryRecord>(retryKey(profile.id))));
  const attempts = previous.map((record) => (record?.signedInAt === session.signedInAt ? record.attempt : 0));
  const attempt = Math.max(...attempts) + 1;
  const transient = kind === 'transient' || kind === 'token-expired';
  const retryAt = transient ? now + retryDelayMs(attempt, deps.random) : undefined;
  const items: Record<string, unknown> = {};
  for (const { profile, error } of failures) {
    const record: RetryRecord = retryAt === undefined ? { signedInAt: session.signedInAt, attempt, halted: true } : { signedInAt: session.signedInAt, attempt, retryAt };
    const credentials = await deps.store.get<ProfileCredentials>(credentialsKey(profile.id));
    const status: ActivityStatus = { state: 'error', error: profileError(error, deps, retryAt, credentials), updatedAt: now };
    items[retryKey(profile.id)] = record;
    items[profileStatusKey(profile.id)] = status;
  }
  await deps.store.set(items);
}
