/**
 * The refresh actions the popup's components call, provided once by the popup's entry point so
 * that no component reaches the background itself and tests can supply their own.
 */
import { createContext } from 'preact';

/** What the refresh buttons can ask for. */
export interface RefreshActions {
  /** Fresh credentials for these profiles, or all signed-in ones, without a prompt. */
  refreshNow(profileIds?: string[]): Promise<unknown>;
}

/** Absent outside a provider: the refresh buttons then do not render. */
export const RefreshActionsContext = createContext<RefreshActions | undefined>(undefined);
