/**
 * Marks profiles as being refreshed while a refresh works, so the popup shows "Refreshing" over
 * the credentials it still holds (src/refresh/refresh-records.ts, {@link RefreshingRecord}).
 */
import type { Profile, Provider } from '../config/types';
import { providerSessionKey } from '../storage/keys';
import type { ProviderSession } from '../storage/records';
import type { RefreshDeps } from './refresh-deps';
import { refreshingKey } from '../storage/keys';
import type { RefreshingRecord } from '../storage/records';

/**
 * Runs `refresh` with `profiles` marked, and unmarks them however it ends. The mark is written
 * beside the refresh, not before it: it is for the popup to show, and the refresh's first request
 * need not wait for it.
 * @param provider the provider whose sign-in the mark belongs to; not signed in, nothing is marked
 */
export async function whileRefreshing<T>(deps: Pick<RefreshDeps, 'store' | 'now'>, provider: Provider, profiles: Profile[], refresh: () => Promise<T>): Promise<T> {
  const marking = (async () => {
    const session = await deps.store.get<ProviderSession>(providerSessionKey(provider.id));
    if (!session || profiles.length === 0) return [];
    const keys = profiles.map((profile) => refreshingKey(profile.id));
    const mark: RefreshingRecord = { signedInAt: session.signedInAt, since: deps.now() };
    await deps.store.set(Object.fromEntries(keys.map((key) => [key, mark])));
    return keys;
  })();
  // Awaited below; until then a failed write must not surface as an unhandled rejection.
  marking.catch(() => undefined);
  try {
    return await refresh();
  } finally {
    // Removed only once written, so a mark never outlives its refresh.
    const keys = await marking.catch((): string[] => []);
    if (keys.length) await deps.store.remove(keys);
  }
}
