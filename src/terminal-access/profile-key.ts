/**
 * The `profileKey` of the terminal hello: it names this browser profile's socket, so two browsers
 * or profiles on one machine each get their own. Made once at random and kept in `storage.local`
 * (it is a name, not a secret), so `wic --browser-profile KEY` keeps working across restarts.
 */
import { terminalProfileKeyKey } from '../storage/keys';
import type { Store } from '../storage/store';
import { PROFILE_KEY_PATTERN } from '../terminal/validate';

/** The stored key, or a new one (16 hex digits from `randomBytes`) stored first. */
export async function terminalProfileKey(local: Pick<Store, 'get' | 'set'>, randomBytes: (length: number) => Uint8Array): Promise<string> {
  const stored = await local.get<string>(terminalProfileKeyKey);
  if (typeof stored === 'string' && PROFILE_KEY_PATTERN.test(stored)) return stored;
  const key = [...randomBytes(8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  await local.set({ [terminalProfileKeyKey]: key });
  return key;
}
