/**
 * Terminal access settings (issue 14): whether the extension serves credentials to `wic` and
 * which profiles it may serve. They live in the same `settings` object as the refresh settings
 * (`storage.local`, and the policy's `settings`), read field by field: a bad field is reported by
 * its path and the rest still applies.
 *
 * - `terminalAccess`: `true` keeps the native messaging port open. Policy wins over the user.
 * - `terminalProfiles`: a list of profile ids, `"*"` standing for every profile. A profile is
 *   served when the user's list or the policy's names it, so policy can allow profiles but never
 *   take back what the user allowed. (A list, not `"all" | list`: Chromium's policy schema gives
 *   a field one type.)
 */
import type { ConfigSource } from './types';
import type { SettingsProblem } from './validate-settings';

/** Which profiles a terminal may get: these ids, {@link EVERY_PROFILE} for all. */
export type TerminalProfiles = string[];

/** The entry of `terminalProfiles` that allows every profile. */
export const EVERY_PROFILE = '*';

/** The terminal access settings in force. */
export interface TerminalSettings {
  enabled: boolean;
  /** What the user allowed. */
  userProfiles: TerminalProfiles;
  /** What the policy allowed. */
  managedProfiles: TerminalProfiles;
  /** Whether the policy sets `terminalAccess` (the options page then shows it read-only). */
  enabledByPolicy: boolean;
}

/** Terminal access settings, with what was wrong in either source. */
export interface TerminalSettingsResult {
  settings: TerminalSettings;
  problems: SettingsProblem[];
}

const PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function fields(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

function readProfiles(value: unknown, source: ConfigSource, problems: SettingsProblem[]): TerminalProfiles {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((id) => typeof id === 'string' && (id === EVERY_PROFILE || PROFILE_ID.test(id)))) return [...new Set(value as string[])];
  problems.push({ source, path: 'settings.terminalProfiles', message: `must be a list of profile ids, or ["*"] for every profile (got ${JSON.stringify(value)})` });
  return [];
}

function readEnabled(value: unknown, source: ConfigSource, problems: SettingsProblem[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  problems.push({ source, path: 'settings.terminalAccess', message: `must be true or false (got ${JSON.stringify(value)})` });
  return undefined;
}

/**
 * Reads the terminal access settings.
 * @param managed the policy's `settings` field, if any
 * @param local the user's `settings` object, if any
 */
export function validateTerminalSettings(managed: unknown, local: unknown): TerminalSettingsResult {
  const problems: SettingsProblem[] = [];
  const user = fields(local);
  const policy = fields(managed);
  const userEnabled = readEnabled(user.terminalAccess, 'local', problems);
  const policyEnabled = readEnabled(policy.terminalAccess, 'managed', problems);
  return {
    settings: {
      enabled: policyEnabled ?? userEnabled ?? false,
      enabledByPolicy: policyEnabled !== undefined,
      userProfiles: readProfiles(user.terminalProfiles, 'local', problems),
      managedProfiles: readProfiles(policy.terminalProfiles, 'managed', problems),
    },
    problems,
  };
}

/** True when the user or the policy allows terminals to get `profileId`'s credentials. */
export function terminalAllows(settings: TerminalSettings, profileId: string): boolean {
  const allows = (profiles: TerminalProfiles) => profiles.includes(EVERY_PROFILE) || profiles.includes(profileId);
  return allows(settings.userProfiles) || allows(settings.managedProfiles);
}

/** The user's list after allowing (or withdrawing) one profile. */
export function withProfile(profiles: TerminalProfiles, profileId: string, allowed: boolean): TerminalProfiles {
  const rest = profiles.filter((id) => id !== profileId);
  return allowed ? [...rest, profileId] : rest;
}
