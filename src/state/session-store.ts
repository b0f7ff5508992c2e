/**
 * The narrow view of `storage.session` that the background logic needs, so tests can run it
 * against a map in memory.
 */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Forgets everything, secrets included. */
  clear(): Promise<void>;
}
