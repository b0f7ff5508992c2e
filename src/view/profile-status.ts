/**
 * A profile's status line: the words and the tone (colour) a user reads at a glance.
 */
import type { ProfileView } from './popup-view';
import { formatTimeLeft } from './popup-view';

/** One tone per state; each has its own colour in the popup. */
export type StatusTone = 'signed-out' | 'valid' | 'expiring' | 'expired' | 'refreshing' | 'error';

/** Below this many seconds left, valid credentials show as expiring soon. */
export const expiringSoonSeconds = 5 * 60;

/** The status line of a profile. */
export interface ProfileStatus {
  tone: StatusTone;
  text: string;
}

/** Describes where a profile stands, with the time left in words that change once a minute. */
export function profileStatus(view: ProfileView): ProfileStatus {
  const { state } = view;
  // A scheduled or requested refresh under way: the credentials shown are still the old ones.
  if (view.refreshing && (state.kind === 'valid' || state.kind === 'expired' || state.kind === 'error' || state.kind === 'no-credentials')) {
    return { tone: 'refreshing', text: state.kind === 'valid' ? `Refreshing, ${formatTimeLeft(state.secondsLeft)} left` : 'Refreshing…' };
  }
  switch (state.kind) {
    case 'signed-out':
      return { tone: 'signed-out', text: 'Signed out' };
    case 'no-credentials':
      return { tone: 'signed-out', text: 'No credentials yet' };
    case 'busy':
      return { tone: 'refreshing', text: `${state.step}…` };
    case 'valid':
      return state.secondsLeft < expiringSoonSeconds
        ? { tone: 'expiring', text: `Expires soon, ${formatTimeLeft(state.secondsLeft)} left` }
        : { tone: 'valid', text: `Valid, ${formatTimeLeft(state.secondsLeft)} left` };
    case 'expired':
      // Removed at expiry by the refresh schedule, which says when and what brings new ones.
      return { tone: 'expired', text: state.notice ? state.notice.message : 'Expired; sign in again' };
    case 'error':
      return { tone: 'error', text: 'Error' };
  }
}
