/**
 * The narrow view of `storage.session` that the background logic needs, so tests can run it
 * against a map in memory.
 */
export interface SessionStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys in one read; absent keys are absent from the result. */
  getMany(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Forgets everything, secrets included. */
  clear(): Promise<void>;
}
