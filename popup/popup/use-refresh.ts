/**
 * One "Refresh now" in progress per button: pending while the background works, then the error
 * when the background refused (the profiles' own outcomes arrive through storage).
 */
import { useContext, useState } from 'preact/hooks';
import { toUserFacingError } from '../../src/errors';
import type { UserFacingError } from '../../src/errors';
import { PopupActionsContext } from './popup-actions';

/** The state and trigger of one refresh button, or `undefined` without refresh actions. */
export function useRefresh(profileIds?: string[]) {
  const { refreshNow } = useContext(PopupActionsContext);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<UserFacingError>();
  if (!refreshNow) return undefined;
  const run = async () => {
    setPending(true);
    setError(undefined);
    try {
      await refreshNow(profileIds);
    } catch (thrown) {
      setError(toUserFacingError(thrown));
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run };
}
