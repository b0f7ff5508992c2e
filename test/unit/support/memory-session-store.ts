import type { Store } from '../../../src/storage/store';

/** Session storage in a map, with the same copy-on-write semantics as the browser's. */
export function memorySessionStore(): Store & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async <T>(key: string) => structuredClone(items.get(key)) as T | undefined,
    getMany: async (keys) => structuredClone(Object.fromEntries(keys.filter((key) => items.has(key)).map((key) => [key, items.get(key)]))),
    set: async (entries) => {
      for (const [key, value] of Object.entries(entries)) items.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of keys) items.delete(key);
    },
    clear: async () => items.clear(),
  };
}
