/**
 * Shapes of what the extension keeps in `storage.session` besides credentials (src/sts/credentials.ts):
 * tokens, progress, the refresh schedule's records, claimed roles and diagnostics. The keys that
 * hold each are in keys.ts.
 */
import type { UserFacingError } from '../errors';
import type { StsErrorDetails } from '../sts/sts-error-details';
import type { CredentialsRequestSummary } from '../cognito/credentials-request';

/** What one sign-in with a provider produced; serves every profile of that provider. */
export interface ProviderSession {
  /** The issuer and client id that issued these tokens (src/storage/session-binding.ts). */
  issuer: string;
  clientId: string;
  idToken: string;
  refreshToken?: string;
  /** ID token expiry as epoch milliseconds. */
  idTokenExpiresAt: number;
  /** `sub` claim; kept to derive session names, never shown in full. */
  subject: string;
  signedInAt: number;
}

/** The progress of the last action on a provider or profile, for the popup to render. */
export type ActivityStatus =
  | { state: 'idle'; updatedAt: number }
  | { state: 'busy'; step: string; updatedAt: number }
  | { state: 'error'; error: UserFacingError; updatedAt: number };

/** Role ARNs a provider's last ID token listed; profiles are made from them. */
export interface ClaimedRoles {
  roleArns: string[];
}

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


/** The claims of the last ID token a provider sent, accepted or rejected. */
export interface ProviderDiagnostics {
  claims: Record<string, unknown>;
  /** False when the sign-in rejected the token: the claims are then what it said, not facts. */
  verified: boolean;
  receivedAt: number;
}

/** The last STS call (or identity pool exchange) of a profile and how it ended. */
export interface ProfileDiagnostics {
  request: CredentialsRequestSummary;
  at: number;
  /** Set when the answer was an error or no answer came. */
  error?: StsErrorDetails;
  /** Set when STS refused the configured duration and the request was repeated with a shorter one. */
  durationNote?: string;
}

/** One terminal request as the popup lists it: never a credential, only who asked for what. */
export interface TerminalAuditEntry {
  profileId: string;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  /** What asked, as `wic` described it (`credential-process`, `wic exec -- terraform plan`). */
  command: string;
  /** `served`, or the error code the terminal got. */
  outcome: string;
}

/**
 * The native messaging port's state: `off` (terminal access off), `connecting` (the host is being
 * started, or again after a drop), `connected`, `restarting` (permission just granted: a fresh
 * service worker connects, see src/terminal-access/connection-plan.ts), `no-permission`.
 */
export interface TerminalConnection {
  state: 'off' | 'connecting' | 'connected' | 'restarting' | 'no-permission';
  at: number;
  /** Why the last attempt failed, e.g. the browser's "Specified native messaging host not found." */
  message?: string;
}
