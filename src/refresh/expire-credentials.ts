/**
 * Removes credentials the moment they expire, so they are never shown or copied as valid, and
 * leaves on the profile when they expired and what brings new ones.
 */
import type { Configuration } from '../config/types';
import { ErrorCodes } from '../errors';
import type { RefreshSettings } from '../config/refresh-settings';
import { credentialsKey, profileStatusKey } from '../storage/keys';
import type { ActivityStatus } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import type { RefreshDeps } from './refresh-deps';
import { dueAt } from './refresh-plan';
import { renewalBlocked, sessionReader } from './session-reader';

function whatNext(config: Configuration, session: Record<string, unknown>, profileId: string, settings: RefreshSettings, now: number, active: boolean, clock: (epochMs: number) => string): string {
  const reader = sessionReader(session);
  const profile = config.profiles.find((candidate) => candidate.id === profileId);
  const provider = config.providers.find((candidate) => candidate.id === profile?.providerId);
  if (!profile || !provider || !reader.providerSession(provider.id)) return 'Sign in to get new ones.';
  if (renewalBlocked(reader.renewal(provider.id))) return `Sign in to ${provider.name} to get new ones.`;
  const next = dueAt(profile, reader, settings.refreshMarginMinutes * 60_000, now);
  if (next === undefined) return 'Click Refresh now to get new ones.';
  if (next > now) return `Trying again automatically at ${clock(next)}, or click Refresh now.`;
  return active ? 'New ones are on their way.' : 'New ones come as soon as you are back at the browser.';
}

/**
 * Removes the credentials of `profileIds` (all expired by now) and says so on each profile.
 * @param active whether the user is at the browser, which decides when new credentials come
 */
export async function expireCredentials(deps: RefreshDeps, profileIds: string[], config: Configuration, settings: RefreshSettings, session: Record<string, unknown>, active: boolean): Promise<void> {
  const now = deps.now();
  const statuses: Record<string, ActivityStatus> = {};
  // What the profile says once the credentials are gone, judged without them.
  const without = Object.fromEntries(Object.entries(session).filter(([key]) => !profileIds.some((id) => key === credentialsKey(id))));
  for (const profileId of profileIds) {
    const { expiration } = session[credentialsKey(profileId)] as ProfileCredentials;
    statuses[profileStatusKey(profileId)] = {
      state: 'error',
      error: { code: ErrorCodes.credentialsExpired, message: `These credentials expired at ${deps.formatClock(expiration)}.`, hint: whatNext(config, without, profileId, settings, now, active, deps.formatClock) },
      updatedAt: now,
    };
  }
  // The status first: the popup never sees the profile without credentials and without a word.
  await deps.store.set(statuses);
  await deps.store.remove(profileIds.map(credentialsKey));
}
