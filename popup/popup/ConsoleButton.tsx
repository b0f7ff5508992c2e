/**
 * "Open console": signs in to the AWS console with the profile's credentials in a new tab. Until
 * the browser lets the extension reach the sign-in host, a sentence says why it will ask.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { UserFacingError } from '../../src/errors';
import { toUserFacingError } from '../../src/errors';
import type { ProfileView } from '../../src/view/popup-view';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ConsoleAccess } from './popup-actions';
import { PopupActionsContext } from './popup-actions';

/** Props of {@link ConsoleButton}. */
export interface ConsoleButtonProps {
  view: ProfileView;
}

/** The console button of one profile, with its explanation and its errors. */
export function ConsoleButton({ view }: ConsoleButtonProps) {
  const { openConsole, consoleAccess } = useContext(PopupActionsContext);
  const [access, setAccess] = useState<ConsoleAccess>();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<UserFacingError>();
  const { profile } = view;

  useEffect(() => {
    let alive = true;
    void consoleAccess(view).then((found) => alive && setAccess(found), () => undefined);
    return () => {
      alive = false;
    };
    // Access depends on the profile's endpoint only, not on its credentials, which change often.
  }, [profile.id, profile.signinEndpoint]);

  const open = async () => {
    setOpening(true);
    setError(undefined);
    try {
      await openConsole(view);
      setAccess((current) => current && { ...current, granted: true });
    } catch (caught) {
      setError(toUserFacingError(caught));
    } finally {
      setOpening(false);
    }
  };

  const noteId = `console-note-${profile.id}`;
  const explain = view.state.kind === 'valid' && access !== undefined && !access.granted;
  return (
    <>
      <button type="button" aria-label="Open console" aria-describedby={explain ? noteId : undefined} disabled={view.state.kind !== 'valid' || opening} onClick={() => void open()}>
        {opening ? 'Opening…' : 'Open console'}
      </button>
      {explain && (
        <p class="note wide" id={noteId}>
          Opening the console asks once to let this extension reach {access.host}: AWS turns these credentials into a console session there.
        </p>
      )}
      {error && (
        <div class="wide">
          <ErrorMessage error={error} />
        </div>
      )}
    </>
  );
}
