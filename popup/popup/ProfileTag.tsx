/**
 * What marks a profile at a glance: its colour, its account alias, whether it came from the
 * roles listed in the token, and who set it when that is not who set its provider (a profile the
 * user added or imported under their organization's provider must not pass for the organization's).
 */
import type { ConfigSource, Profile } from '../../src/config/types';

/** Props of {@link ProfileTag}. */
export interface ProfileTagProps {
  profile: Profile;
  /** Who set the profile's provider. */
  providerSource?: ConfigSource;
}

/** A line under the profile's name; nothing when the profile sets none of these. */
export function ProfileTag({ profile, providerSource }: ProfileTagProps) {
  const ownership = providerSource && providerSource !== profile.source && !profile.fromToken ? profile.source : undefined;
  if (!profile.alias && !profile.color && !profile.fromToken && !ownership) return null;
  return (
    <p class="meta tag" data-testid="profile-tag">
      {profile.color && <span class="swatch" style={{ background: profile.color }} aria-hidden="true" />}
      {profile.alias && <span title="Account alias">{profile.alias}</span>}
      {profile.fromToken && <span class="badge" title="Listed in the roles claim of your sign-in">from sign-in</span>}
      {ownership === 'local' && <span class="badge" data-testid="profile-owner" title="Added by you or by a configuration you imported, not by your organization">yours</span>}
      {ownership === 'managed' && <span class="badge" data-testid="profile-owner" title="Set by your organization">managed</span>}
    </p>
  );
}
