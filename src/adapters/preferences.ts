/**
 * The preferences in `storage.local`, read and written by the popup, the options page and the
 * background.
 */
import { localStore } from './storage';
import type { Preferences } from '../storage/preferences';
import { preferenceItems, readPreferences } from '../storage/preferences';
import { preferenceKeys } from '../storage/keys';

/** Reads every preference, defaults filled in. */
export async function loadPreferences(): Promise<Preferences> {
  return readPreferences(await localStore.getMany(Object.values(preferenceKeys)));
}

/** Stores the given preferences, leaving the others as they are. */
export async function savePreferences(changes: Partial<Preferences>): Promise<void> {
  await localStore.set(preferenceItems(changes));
}
