/**
 * Refresh settings in `storage.local` (the user's) and in `storage.managed` (the policy's).
 */
import { settingsKey } from '../storage/keys';
import type { RefreshSettings } from '../config/refresh-settings';
import { validateSettings } from '../config/validate-settings';
import type { SettingsResult } from '../config/validate-settings';
import { localStore, readManagedConfig } from './storage';
import type { TerminalSettings, TerminalSettingsResult } from '../config/terminal-settings';
import { validateTerminalSettings, withProfile } from '../config/terminal-settings';

/** Settings in force, with the fields policy sets and what is wrong. */
export async function readSettingsResult(): Promise<SettingsResult> {
  const [local, managed] = await Promise.all([localStore.get(settingsKey), readManagedConfig()]);
  return validateSettings(managed?.[settingsKey], local);
}

/** Settings in force. */
export async function readSettings(): Promise<RefreshSettings> {
  return (await readSettingsResult()).settings;
}

/** Stores the user's values, keeping fields of the settings object that others own. */
export async function writeSettings(values: Record<string, unknown>): Promise<void> {
  const stored = await localStore.get(settingsKey);
  const base = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  await localStore.set({ [settingsKey]: { ...base, ...values } });
}

/** Terminal access settings in force, with what is wrong in either source. */
export async function readTerminalSettingsResult(): Promise<TerminalSettingsResult> {
  const [local, managed] = await Promise.all([localStore.get(settingsKey), readManagedConfig()]);
  return validateTerminalSettings(managed?.[settingsKey], local);
}

/** Terminal access settings in force. */
export async function readTerminalSettings(): Promise<TerminalSettings> {
  return (await readTerminalSettingsResult()).settings;
}

/** Allows (or withdraws) terminal access to one profile in the user's settings. */
export async function allowTerminalProfile(profileId: string, allowed: boolean): Promise<void> {
  const { settings } = await readTerminalSettingsResult();
  await writeSettings({ terminalProfiles: withProfile(settings.userProfiles, profileId, allowed) });
}
