/**
 * One profile: who it is (name, account, role, region), where it stands, and its copy button.
 */
import { useState } from 'preact/hooks';
import type { ProfileView } from '../src/state/popup-view';
import { formatTimeLeft } from '../src/state/popup-view';
import { ErrorMessage } from './ErrorMessage';
import { ProfileTag } from './ProfileTag';

/** Props of {@link ProfileCard}. */
export interface ProfileCardProps {
  view: ProfileView;
  /** Copies the credentials as bash `export` lines; rejects when the clipboard refuses. */
  onCopyBash(view: ProfileView): Promise<void>;
}

function statusText(view: ProfileView): string {
  const { state } = view;
  switch (state.kind) {
    case 'signed-out':
      return 'Signed out';
    case 'busy':
      return `${state.step}…`;
    case 'valid':
      return `Valid, ${formatTimeLeft(state.secondsLeft)} left`;
    case 'expired':
      return 'Expired; sign in again';
    case 'error':
      return 'Error';
  }
}

/** A card for one profile. */
export function ProfileCard({ view, onCopyBash }: ProfileCardProps) {
  const { profile, state } = view;
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const titleId = `profile-${profile.id}`;

  const copyBash = async () => {
    try {
      await onCopyBash(view);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
    setTimeout(() => setCopy('idle'), 2000);
  };

  return (
    <article class={`profile state-${state.kind}`} aria-labelledby={titleId} data-profile={profile.id}>
      <header>
        <h3 id={titleId}>{profile.name}</h3>
        <ProfileTag profile={profile} />
        <p class="meta">
          <span title="Account">{profile.accountId}</span> · <span title={profile.roleArn}>{profile.roleName}</span> · <span title="Region">{profile.region}</span>
        </p>
      </header>
      <p class="status" role="status" data-testid="profile-status">
        {statusText(view)}
      </p>
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
      {view.lastError && <ErrorMessage error={view.lastError} />}
      {state.kind === 'valid' && state.credentials.durationNote && <p class="note">{state.credentials.durationNote}</p>}
      <div class="actions">
        <button type="button" disabled={state.kind !== 'valid'} onClick={copyBash} aria-label="Copy bash">
          {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Copy failed' : 'Copy bash'}
        </button>
      </div>
    </article>
  );
}
