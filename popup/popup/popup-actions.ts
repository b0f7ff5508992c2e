/**
 * What a profile card can do, provided once by the App so cards and their controls need no
 * props threaded through every section. Tests provide fakes.
 */
import { createContext } from 'preact';
import type { CopyFormat } from '../../src/format';
import type { ProfileView } from '../../src/view/popup-view';

/** The host console sign-in needs for a profile, and whether the browser already lets the extension reach it. */
export interface ConsoleAccess {
  host: string;
  granted: boolean;
}

/** Actions on one profile. */
export interface PopupActions {
  /** The format the one-click copy button uses: the one picked last. */
  lastFormat: CopyFormat;
  /** Copies the credentials in a format; rejects when the clipboard refuses. */
  copy(view: ProfileView, format: CopyFormat): Promise<void>;
  /** Asks for the host permission if needed (this must run in the click), then opens the console. */
  openConsole(view: ProfileView): Promise<void>;
  /** `undefined` when the profile's partition has no known console. */
  consoleAccess(view: ProfileView): Promise<ConsoleAccess | undefined>;
  /**
   * Fresh credentials for these profiles, or every signed-in one, without a prompt; the outcome
   * arrives through storage. Absent: the refresh buttons do not render.
   */
  refreshNow?(profileIds?: string[]): Promise<unknown>;
}

const unavailable = () => Promise.reject(new Error('no popup actions provided'));

/** The actions of the popup in which a card renders. */
export const PopupActionsContext = createContext<PopupActions>({
  lastFormat: 'bash',
  copy: unavailable,
  openConsole: unavailable,
  consoleAccess: async () => undefined,
});
