/**
 * The one interface every writable storage area is used through: `storage.session` (secrets,
 * memory only) and `storage.local` (the user's documents and non-secret hints); the policy in
 * `storage.managed` is read whole (src/adapters/storage.ts). Logic takes a store as a parameter,
 * so tests run it against a map in memory.
 */

/** A storage area. Each `set` is one atomic write of all its items. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys in one read; absent keys are absent from the result. */
  getMany(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Forgets everything in the area, secrets included. */
  clear(): Promise<void>;
}
