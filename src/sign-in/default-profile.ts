/**
 * The profile the keyboard shortcut copies: the one the user copied last while it is still
 * configured, otherwise the first pinned profile, otherwise the first profile.
 */
import type { Profile } from '../config/types';

/** Picks the default profile, or `undefined` when none is configured. */
export function defaultProfile(profiles: readonly Profile[], lastProfileId: string | undefined): Profile | undefined {
  return profiles.find((profile) => profile.id === lastProfileId)
    ?? profiles.find((profile) => profile.pinned)
    ?? profiles[0];
}
