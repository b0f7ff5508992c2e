/**
 * The background's and pages' door to `browser.storage`: raw reads and writes. Validating the
 * configuration is src/adapters/configuration.ts's, so the popup, which imports this file, does
 * not carry the validation code.
 */
import { browser } from './browser-api';
import type { SessionStore } from '../storage/store';
import { localConfigKey } from '../storage/keys';

/** `storage.session`: in memory only, gone when the browser closes. */
export const sessionStore: SessionStore = {
  async get<T>(key: string): Promise<T | undefined> {
    const items = await browser.storage.session.get(key);
    return items[key] as T | undefined;
  },
  getMany: (keys) => browser.storage.session.get(keys),
  set: (items) => browser.storage.session.set(items),
  remove: (keys) => browser.storage.session.remove(keys),
  clear: () => browser.storage.session.clear(),
};

/**
 * Keeps session storage away from content scripts. It is Chrome's default, but saying it makes
 * the guarantee independent of browser defaults. Firefox has no such method and never exposes
 * session storage to content scripts.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** Reads the policy document; an absent policy (or a browser without managed storage) is no policy. */
export async function readManagedConfig(): Promise<Record<string, unknown> | undefined> {
  try {
    const managed = await browser.storage.managed.get();
    return Object.keys(managed).length ? managed : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the user's configuration document. */
export async function readLocalConfig(): Promise<unknown> {
  const items = await browser.storage.local.get(localConfigKey);
  return items[localConfigKey];
}

/** Replaces the user's configuration document. */
export async function writeLocalConfig(document: unknown): Promise<void> {
  await browser.storage.local.set({ [localConfigKey]: document });
}

/** Everything in session storage, for the extension's pages to render. */
export async function readSessionItems(): Promise<Record<string, unknown>> {
  return browser.storage.session.get(null);
}

/** Calls back when session or configuration storage changes; returns the unsubscribe function. */
export function onStateChanged(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'session' || area === 'local' || area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
