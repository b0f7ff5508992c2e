/**
 * Refresh settings in `storage.local` (the user's) and in `storage.managed` (the policy's).
 */
import { settingsKey } from '../storage/keys';
import type { RefreshSettings } from '../config/refresh-settings';
import { validateSettings } from '../config/validate-settings';
import type { SettingsResult } from '../config/validate-settings';
import { localStore, readManagedConfig } from './storage';

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
