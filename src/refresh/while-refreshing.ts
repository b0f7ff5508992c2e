/**
 * Marks profiles as being refreshed while a refresh works, so the popup shows "Refreshing" over
 * the credentials it still holds (src/refresh/refresh-records.ts, {@link RefreshingRecord}).
 */
import type { Profile, Provider } from '../config/types';
import { providerSessionKey } from '../state/keys';
import type { ProviderSession } from '../state/types';
import type { RefreshDeps } from './refresh-deps';
import { refreshingKey } from './refresh-records';
import type { RefreshingRecord } from './refresh-records';

/**
 * Runs `refresh` with `profiles` marked, and unmarks them however it ends.
 * @param provider the provider whose sign-in the mark belongs to; not signed in, nothing is marked
 */
export async function whileRefreshing<T>(deps: Pick<RefreshDeps, 'store' | 'now'>, provider: Provider, profiles: Profile[], refresh: () => Promise<T>): Promise<T> {
  const session = await deps.store.get<ProviderSession>(providerSessionKey(provider.id));
  if (!session || profiles.length === 0) return refresh();
  const keys = profiles.map((profile) => refreshingKey(profile.id));
  const mark: RefreshingRecord = { signedInAt: session.signedInAt, since: deps.now() };
  await deps.store.set(Object.fromEntries(keys.map((key) => [key, mark])));
  try {
    return await refresh();
  } finally {
    await deps.store.remove(keys);
  }
}
