/**
 * The schedule, derived from what is stored and the time alone: which pinned profiles are due,
 * which credentials have expired, and when to wake up next. Nothing lives in memory, so a service
 * worker stopped at any moment picks the schedule up again from storage.
 */
import type { Configuration, Profile } from '../config/types';
import { ErrorCodes } from '../errors';
import type { RefreshSettings } from '../config/refresh-settings';
import { credentialsKey } from '../storage/keys';
import type { ProfileCredentials } from '../sts/credentials';
import { retryBaseMs } from './backoff';
import { failureKindOfCode } from './failure-kind';
import { renewalBlocked, sessionReader } from './session-reader';
import type { SessionReader } from './session-reader';

/** Credentials are never renewed sooner than this after they were issued, whatever the margin. */
export const minRefreshIntervalMs = 60_000;
/** When one profile of a provider is due, those due within this window go along, sharing one token. */
export const alignWindowMs = 5 * 60_000;

/** What to do now and when to look again. */
export interface RefreshPlan {
  /** Pinned profiles to refresh now (when the user is active). */
  due: Profile[];
  /** Profile ids whose stored credentials have expired; every profile, pinned or not. */
  expired: string[];
  /** The next moment something is due (now, when anything is) or expires, for an active user. */
  nextWakeActive: number | undefined;
  /** The next moment credentials expire, for a user who is away. */
  nextWakeIdle: number | undefined;
}

/** When a pinned profile is due for automatic refresh, or `undefined` when it is not refreshed. */
export function dueAt(profile: Profile, session: SessionReader, marginMs: number, now: number): number | undefined {
  const signedIn = session.providerSession(profile.providerId);
  if (!profile.pinned || !signedIn) return undefined;
  if (renewalBlocked(session.renewal(profile.providerId))) return undefined;
  const retry = session.retry(profile);
  if (retry?.halted) return undefined;
  if (retry?.retryAt !== undefined) return retry.retryAt;
  const status = session.status(profile.id);
  // A sign-in is getting this profile's credentials right now; its outcome reshapes the schedule.
  if (status?.state === 'busy') return undefined;
  const credentials = session.credentials(profile.id);
  if (credentials && credentials.expiration > now) {
    return Math.max(credentials.expiration - marginMs, credentials.issuedAt + minRefreshIntervalMs);
  }
  // A profile STS refused at sign-in (trust policy, access denied) waits for a fix, not a retry.
  if (status?.state === 'error' && failureKindOfCode(status.error.code) === 'permanent') return undefined;
  // A sign-in whose STS call failed after the SDK's own retries (5xx, throttling) was attempt one.
  if (status?.state === 'error' && status.error.code !== ErrorCodes.credentialsExpired) return status.updatedAt + retryBaseMs;
  if (status?.state === 'error') return now;
  // Never had any: the sign-in that just began this session is about to get them.
  return Math.max(now, signedIn.signedInAt + minRefreshIntervalMs);
}

const earliest = (times: number[]) => (times.length ? Math.min(...times) : undefined);

/**
 * Plans the schedule at `now`.
 * @param session everything in `storage.session`
 */
export function planRefresh(config: Configuration, settings: RefreshSettings, session: Record<string, unknown>, now: number): RefreshPlan {
  const reader = sessionReader(session);
  const marginMs = settings.refreshMarginMinutes * 60_000;
  const expiries: number[] = [];
  const expired: string[] = [];
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith(credentialsKey(''))) continue;
    const { expiration } = value as ProfileCredentials;
    if (expiration <= now) expired.push(key.slice(credentialsKey('').length));
    else expiries.push(expiration);
  }

  const scheduled = config.profiles.flatMap((profile) => {
    const at = dueAt(profile, reader, marginMs, now);
    return at === undefined ? [] : [{ profile, at }];
  });
  const dueProviders = new Set(scheduled.filter(({ at }) => at <= now).map(({ profile }) => profile.providerId));
  const isDue = ({ profile, at }: { profile: Profile; at: number }) => at <= now || (dueProviders.has(profile.providerId) && at <= now + alignWindowMs);
  const due = scheduled.filter(isDue).map(({ profile }) => profile);
  // Due profiles count as "now": should anything keep them due, the alarm comes straight back.
  const wakes = scheduled.map(({ at }) => Math.max(at, now));
  return { due, expired, nextWakeActive: earliest([...wakes, ...expiries]), nextWakeIdle: earliest(expiries) };
}
