/**
 * The background's and pages' door to `browser.storage`: each area behind the one store
 * interface (src/storage/store.ts). Validating the configuration is src/adapters/configuration.ts's,
 * so the popup, which imports this file, does not carry the validation code.
 */
import { browser } from './browser-api';
import type { Store } from '../storage/store';

type Area = typeof browser.storage.session;

function storeOf(area: () => Area): Store {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      return (await area().get(key))[key] as T | undefined;
    },
    getMany: (keys) => area().get(keys),
    set: (items) => area().set(items),
    remove: (keys) => area().remove(keys),
    clear: () => area().clear(),
  };
}

/** `storage.session`: in memory only, gone when the browser closes. The only place secrets live. */
export const sessionStore: Store = storeOf(() => browser.storage.session);

/** `storage.local`: the user's documents, preferences and non-secret hints. */
export const localStore: Store = storeOf(() => browser.storage.local);

/**
 * Keeps session storage away from content scripts. It is Chrome's default, but saying it makes
 * the guarantee independent of browser defaults. Firefox has no such method and never exposes
 * session storage to content scripts.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** Reads the whole policy document; an absent policy (or a browser without managed storage) is no policy. */
export async function readManagedConfig(): Promise<Record<string, unknown> | undefined> {
  try {
    const managed = await browser.storage.managed.get();
    return Object.keys(managed).length ? managed : undefined;
  } catch {
    return undefined;
  }
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
