/**
 * The order and filter of the popup's profiles: pinned profiles first (otherwise as configured),
 * and, once there are too many to scan, only those matching the search.
 */
import type { ProviderView } from './popup-view';

/** Above this many profiles the popup offers a search box. */
export const searchThreshold = 6;

/** Lower-case words that must all appear somewhere in a profile's name, id, account, role, region or provider. */
function matcher(query: string): (haystack: string) => boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (haystack) => words.every((word) => haystack.includes(word));
}

/**
 * Sorts each provider's profiles pinned first and keeps those matching `query`. Providers left
 * without a match are dropped while a query is set, so the popup shows only what was asked for.
 */
export function arrangeProfiles(providers: readonly ProviderView[], query = ''): ProviderView[] {
  const matches = matcher(query);
  const searching = query.trim() !== '';
  return providers.flatMap((provider) => {
    const profiles = provider.profiles
      .map((view, index) => ({ view, index }))
      .sort((a, b) => Number(b.view.profile.pinned) - Number(a.view.profile.pinned) || a.index - b.index)
      .map(({ view }) => view)
      .filter(({ profile }) => !searching || matches([profile.name, profile.id, profile.accountId, profile.roleName, profile.region, provider.provider.name].join(' ').toLowerCase()));
    return searching && profiles.length === 0 ? [] : [{ ...provider, profiles }];
  });
}

/** How many profiles the popup lists in all. */
export function countProfiles(providers: readonly ProviderView[]): number {
  return providers.reduce((total, provider) => total + provider.profiles.length, 0);
}
