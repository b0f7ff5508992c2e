/**
 * The user's configuration document in `storage.local`, seen through the narrow interface the
 * migration and save logic work on, and the install/update event that runs migrations.
 */
import { browser } from './browser-api';
import type { ConfigStorage } from '../config/migrations';

/** `storage.local`, one key at a time; a single-key write is atomic. */
export const localConfigStorage: ConfigStorage = {
  get: async (key) => (await browser.storage.local.get(key))[key],
  set: (key, value) => browser.storage.local.set({ [key]: value }),
};

/** Calls back on install and on every update of the extension (and of the browser). */
export function onInstalledOrUpdated(callback: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => callback(details.reason));
}
