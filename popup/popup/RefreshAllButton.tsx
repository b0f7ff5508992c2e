/**
 * "Refresh all" in the popup's header: every profile of every signed-in provider at once.
 */
import type { PopupView } from '../../src/view/popup-view';
import { ErrorMessage } from '../components/ErrorMessage';
import { useRefresh } from './use-refresh';

/** Props of {@link RefreshAllButton}. */
export interface RefreshAllButtonProps {
  view: PopupView;
}

/** The button, shown while any provider is signed in. */
export function RefreshAllButton({ view }: RefreshAllButtonProps) {
  const refresh = useRefresh();
  if (!refresh || !view.providers.some((provider) => provider.signedIn)) return null;
  return (
    <>
      <button type="button" onClick={refresh.run} disabled={refresh.pending}>
        {refresh.pending ? 'Refreshing…' : 'Refresh all'}
      </button>
      {refresh.error && <ErrorMessage error={refresh.error} />}
    </>
  );
}
