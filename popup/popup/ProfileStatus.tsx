/**
 * Where a profile stands: a coloured status line with the time left, counting down while the
 * popup is open, and any error one click away.
 */
import type { ProfileView } from '../../src/view/popup-view';
import { profileStatus } from '../../src/view/profile-status';
import { ErrorDetails } from './ErrorDetails';

/** Props of {@link ProfileStatus}. */
export interface ProfileStatusProps {
  view: ProfileView;
}

/** The status line and error details of one profile. */
export function ProfileStatus({ view }: ProfileStatusProps) {
  const { state } = view;
  const status = profileStatus(view);
  return (
    <>
      <p class={`status tone-${status.tone}`} role="status" data-testid="profile-status" data-tone={status.tone}>
        <span class="dot" aria-hidden="true" />
        {status.text}
      </p>
      {state.kind === 'expired' && state.notice?.hint && <p class="hint">{state.notice.hint}</p>}
      {state.kind === 'error' && <ErrorDetails error={state.error} summary="Error details" />}
      {view.lastError && <ErrorDetails error={view.lastError} summary="The last attempt failed: details" />}
      {state.kind === 'valid' && state.credentials.durationNote && <p class="note">{state.credentials.durationNote}</p>}
    </>
  );
}
