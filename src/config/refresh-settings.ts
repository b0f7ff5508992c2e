/**
 * The user's refresh settings: how early credentials are renewed, when the user counts as away,
 * how long a sign-in may be stretched, and how each provider renews its ID token. Stored in
 * `storage.local` (src/storage/keys.ts); an administrator may set the same fields by policy.
 */

/** How a provider gets a fresh ID token without the user. */
export type RenewalPath = 'auto' | 'refresh-token' | 'silent-sign-in';

/** Every renewal path, in the order the options page lists them. */
export const renewalPaths: readonly RenewalPath[] = ['auto', 'refresh-token', 'silent-sign-in'];

/** Settings in force, every field filled in. */
export interface RefreshSettings {
  /** Credentials are renewed this many minutes before they expire. */
  refreshMarginMinutes: number;
  /** No input for this long (or a locked screen) pauses refresh until the user is back. */
  idleThresholdMinutes: number;
  /** Hours after an interactive sign-in after which renewal stops; `null` for no limit. */
  maxSessionHours: number | null;
  /**
   * Per provider id: `auto` uses the refresh token when the IdP issued one and otherwise a silent
   * sign-in (`prompt=none`); the other two use only that path.
   */
  renewal: Record<string, RenewalPath>;
}


/** What applies when nothing is set. */
export const defaultSettings: RefreshSettings = {
  refreshMarginMinutes: 5,
  idleThresholdMinutes: 10,
  maxSessionHours: null,
  renewal: {},
};

/** Allowed ranges, shared by validation and the options form. */
export const settingLimits = {
  refreshMarginMinutes: { min: 1, max: 30 },
  // chrome.idle measures in seconds and accepts no less than 15; a minute is the useful floor.
  idleThresholdMinutes: { min: 1, max: 240 },
  maxSessionHours: { min: 1, max: 720 },
} as const;

/** The renewal path of a provider. */
export function renewalPathOf(settings: RefreshSettings, providerId: string): RenewalPath {
  return settings.renewal[providerId] ?? 'auto';
}
