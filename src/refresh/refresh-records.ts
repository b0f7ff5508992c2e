/**
 * What the refresh schedule keeps in storage, beside the sign-in's own keys (src/storage/keys.ts).
 * Nothing here is secret. Records name the sign-in they belong to (`signedInAt` of the provider
 * session), so a new interactive sign-in leaves every older record without effect.
 */
import type { UserFacingError } from '../errors';

/** The renewal state of a provider ({@link RenewalRecord}), in `storage.session`. */
export const renewalKey = (providerId: string): string => `renewal/${providerId}`;
/** The retry state of a profile ({@link RetryRecord}), in `storage.session`. */
export const retryKey = (profileId: string): string => `refresh-retry/${profileId}`;
/** A refresh of a profile in progress ({@link RefreshingRecord}), in `storage.session`. */
export const refreshingKey = (profileId: string): string => `refreshing/${profileId}`;
/**
 * Ids of providers signed in, in `storage.local`: after a browser restart or an extension update
 * wiped session storage, it tells the popup who was signed in and must sign in again.
 */
export const signedInHintKey = 'signed-in-providers';

/** How the last fresh ID token was obtained. */
export type RenewalMethod = 'refresh-token' | 'silent-sign-in';

/**
 * - `ok`: the last renewal worked; the IdP session is alive.
 * - `unreachable`: the last attempt failed on the network, a 5xx or throttling; retrying.
 * - `needs-sign-in`: the IdP wants the user; no renewal until an interactive sign-in.
 * - `failed`: the IdP refused for a reason that retrying does not fix.
 * - `cleared`: the browser or the extension restarted, taking the session with it.
 */
export type RenewalState = 'ok' | 'unreachable' | 'needs-sign-in' | 'failed' | 'cleared';

/** The renewal state of one provider. */
export interface RenewalRecord {
  state: RenewalState;
  /** Epoch milliseconds of the last change. */
  at: number;
  /** The sign-in this concerns; absent for `cleared`. */
  signedInAt?: number;
  method?: RenewalMethod;
  error?: UserFacingError;
  /** A notification asking to sign in was shown for this state. */
  notified?: boolean;
}

/** A profile whose last automatic refresh failed. */
export interface RetryRecord {
  signedInAt: number;
  /** Failed attempts in a row. */
  attempt: number;
  /** When to try again; absent when `halted`. */
  retryAt?: number;
  /** A failure that retrying does not fix: no more automatic attempts until the next sign-in. */
  halted?: boolean;
}

/**
 * A profile being refreshed right now, so the popup can say so while the credentials it shows
 * are still the old ones. Written when the refresh starts and removed when it ends; a worker
 * stopped in between leaves it behind, so it counts only for {@link refreshingShownMs}.
 */
export interface RefreshingRecord {
  signedInAt: number;
  /** Epoch milliseconds when the refresh started. */
  since: number;
}

/** Longer than any refresh takes (its requests time out well before): an older record is left over. */
export const refreshingShownMs = 2 * 60_000;
