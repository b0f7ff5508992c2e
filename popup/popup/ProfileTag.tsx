/**
 * What marks a profile at a glance: its colour, its account alias, and whether it came from the
 * roles listed in the token.
 */
import type { Profile } from '../../src/config/types';

/** Props of {@link ProfileTag}. */
export interface ProfileTagProps {
  profile: Profile;
}

/** A line under the profile's name; nothing when the profile sets none of these. */
export function ProfileTag({ profile }: ProfileTagProps) {
  if (!profile.alias && !profile.color && !profile.fromToken) return null;
  return (
    <p class="meta tag" data-testid="profile-tag">
      {profile.color && <span class="swatch" style={{ background: profile.color }} aria-hidden="true" />}
      {profile.alias && <span title="Account alias">{profile.alias}</span>}
      {profile.fromToken && <span class="badge" title="Listed in the roles claim of your sign-in">from sign-in</span>}
    </p>
  );
}
