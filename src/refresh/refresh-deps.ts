/**
 * The boundaries the refresh schedule works through: storage, alarms, idle detection, the
 * toolbar badge, notifications, the IdP and STS. src/adapters implements them over `browser.*`;
 * tests implement them in memory, so the schedule runs a whole simulated day without a browser.
 */
import type { Configuration } from '../config/types';
import type { RefreshSettings } from '../config/refresh-settings';
import type { Store } from '../storage/store';
import type { ProfileCredentials } from '../sts/credentials';
import type { PreparedCredentialsRequest } from '../cognito/credentials-request';
import type { TokenRenewalDeps } from './token-renewal';

/** The one-shot and periodic alarms the schedule sets (`chrome.alarms`). */
export interface AlarmsPort {
  get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined>;
  /** Creates or replaces an alarm at `when` (epoch ms), repeating every `periodInMinutes` if given. */
  create(name: string, when: number, periodInMinutes?: number): Promise<void>;
  clear(name: string): Promise<void>;
}

/** `chrome.idle`: whether the user is at the browser. */
export type IdleState = 'active' | 'idle' | 'locked';

/** Idle detection. */
export interface IdlePort {
  queryState(thresholdSeconds: number): Promise<IdleState>;
  /** The threshold after which `onStateChanged` reports `idle`. */
  setDetectionInterval(thresholdSeconds: number): Promise<void>;
}

/** What the toolbar button shows. */
export interface Indicator {
  /** Badge text, up to four characters; empty for none. */
  text: string;
  /** Badge background, `#rrggbb`. */
  color: string;
  /** The button's tooltip. */
  title: string;
}

/** The toolbar button (`chrome.action`). */
export interface IndicatorPort {
  show(indicator: Indicator): Promise<void>;
}

/** System notifications asking the user to sign in (`chrome.notifications`). */
export interface NotificationsPort {
  /** Shows (or replaces) the notification for a provider, with a "Sign in" button. */
  askToSignIn(providerId: string, title: string, message: string): Promise<void>;
  clear(providerId: string): Promise<void>;
}

/** Everything the refresh service needs. */
export interface RefreshDeps extends TokenRenewalDeps {
  readConfiguration(): Promise<Configuration>;
  readSettings(): Promise<RefreshSettings>;
  store: Store;
  /** Everything in `storage.session`. */
  readSession(): Promise<Record<string, unknown>>;
  /** `storage.local`, for the non-secret sign-in hint. */
  local: Pick<Store, 'get' | 'set'>;
  /**
   * Sends the request `prepareCredentialsRequest` built (STS, or an identity pool); the same
   * request goes into the profile's diagnostics.
   */
  assumeRole(request: PreparedCredentialsRequest): Promise<ProfileCredentials>;
  deriveSessionName(subject: string): Promise<string>;
  alarms: AlarmsPort;
  idle: IdlePort;
  indicator: IndicatorPort;
  notifications: NotificationsPort;
  now(): number;
  /** In [0, 1); jitter of retries. */
  random(): number;
  /** "14:05": a time of day for messages, in the user's locale and zone. */
  formatClock(epochMs: number): string;
}
