/**
 * One read of everything the schedule decides on: configuration, settings and session storage.
 */
import type { RefreshDeps } from './refresh-deps';

/** Reads configuration, settings and session storage at once. */
export async function loadState(deps: Pick<RefreshDeps, 'readConfiguration' | 'readSettings' | 'readSession'>) {
  const [config, settings, session] = await Promise.all([deps.readConfiguration(), deps.readSettings(), deps.readSession()]);
  return { config, settings, session };
}
