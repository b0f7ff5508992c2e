/**
 * The origins the user confirmed as hosts their own configuration may send tokens to. Only the
 * options page writes them, after a click that names each origin; an import never does.
 */
import { trustedEndpointsKey } from './keys';
import type { Store } from './store';

/** The confirmed origins as stored; anything malformed is ignored, never trusted. */
export async function readTrustedOrigins(store: Pick<Store, 'get'>): Promise<string[]> {
  const value = await store.get<unknown>(trustedEndpointsKey);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Adds origins the user just confirmed, keeping those confirmed before. */
export async function addTrustedOrigins(store: Pick<Store, 'get' | 'set'>, origins: readonly string[]): Promise<string[]> {
  const current = await readTrustedOrigins(store);
  const next = [...new Set([...current, ...origins])];
  if (next.length !== current.length) await store.set({ [trustedEndpointsKey]: next });
  return next;
}

/** Forgets one confirmed origin; entries that send tokens there go out of service again. */
export async function removeTrustedOrigin(store: Pick<Store, 'get' | 'set'>, origin: string): Promise<void> {
  const current = await readTrustedOrigins(store);
  if (current.includes(origin)) await store.set({ [trustedEndpointsKey]: current.filter((item) => item !== origin) });
}
