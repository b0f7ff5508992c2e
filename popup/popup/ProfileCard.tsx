/**
 * One profile: who it is (name, account, role, region), where it stands, and what can be done
 * with it.
 */
import type { ConfigSource } from '../../src/config/types';
import type { ProfileView } from '../../src/view/popup-view';
import { ConsoleButton } from './ConsoleButton';
import { CopyControls } from './CopyControls';
import { ProfileDetailsLink } from './ProfileDetailsLink';
import { ProfileStatus } from './ProfileStatus';
import { ProfileTag } from './ProfileTag';
import { RefreshProfileButton } from './RefreshProfileButton';

/** Props of {@link ProfileCard}; its actions come from `PopupActionsContext`. */
export interface ProfileCardProps {
  view: ProfileView;
  /** Who set the profile's provider, so a profile of another origin is marked. */
  providerSource?: ConfigSource;
}

/** A card for one profile. */
export function ProfileCard({ view, providerSource }: ProfileCardProps) {
  const { profile } = view;
  const titleId = `profile-${profile.id}`;
  return (
    <article class="profile" aria-labelledby={titleId} data-profile={profile.id}>
      <header>
        <h3 id={titleId}>{profile.name}</h3>
        <ProfileTag profile={profile} {...(providerSource ? { providerSource } : {})} />
        <p class="meta">
          {/* An identity pool may choose the role (and keep the account unsaid); the pool then names the profile. */}
          {profile.accountId && <><span title="AWS account">{profile.accountId}</span> · </>}
          {profile.roleName
            ? <span title={profile.roleArn}>{profile.roleName}</span>
            : <span title={profile.cognito?.identityPoolId}>role chosen by the identity pool</span>} · <span title="Region">{profile.region}</span>
        </p>
      </header>
      <ProfileStatus view={view} />
      {/* Per-profile actions: one component per feature, one line each. */}
      <div class="actions">
        <CopyControls view={view} />
        <ConsoleButton view={view} />
        <RefreshProfileButton view={view} />
        <ProfileDetailsLink profileId={profile.id} />
      </div>
    </article>
  );
}
