/**
 * "Refresh now" on a profile: new credentials from a silently renewed ID token, no prompt.
 */
import type { ProfileView } from '../../src/view/popup-view';
import { ErrorMessage } from '../components/ErrorMessage';
import { useRefresh } from './use-refresh';

/** Props of {@link RefreshProfileButton}. */
export interface RefreshProfileButtonProps {
  view: ProfileView;
}

/** The button, shown once the profile's provider has been signed in to. */
export function RefreshProfileButton({ view }: RefreshProfileButtonProps) {
  const refresh = useRefresh([view.profile.id]);
  if (!refresh || view.state.kind === 'signed-out') return null;
  return (
    <>
      <button type="button" class="refresh" onClick={refresh.run} disabled={refresh.pending || view.state.kind === 'busy'}>
        {refresh.pending ? 'Refreshing…' : 'Refresh now'}
      </button>
      {refresh.error && <ErrorMessage error={refresh.error} />}
    </>
  );
}
