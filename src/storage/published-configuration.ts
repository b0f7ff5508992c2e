/**
 * The configuration the background publishes in `storage.session` for the popup: which storage
 * changes call for publishing it again, and how a page reads it back.
 */
import type { Configuration } from '../config/types';
import { canonicalJson } from '../util/canonical-json';
import { claimedRolesKey, configurationKey, localConfigKey, trustedEndpointsKey } from './keys';

/** A storage change as `storage.onChanged` reports it. */
export type StorageChange = Record<string, { newValue?: unknown }>;

/**
 * Whether a storage change calls for publishing the configuration again: the policy, the user's
 * document or the origins they confirmed, or the roles a provider's token listed (they become profiles) changed; or the
 * published copy itself was removed.
 */
export function changesConfiguration(area: string, changes: StorageChange): boolean {
  const keys = Object.keys(changes);
  if (area === 'managed') return true;
  if (area === 'local') return keys.includes(localConfigKey) || keys.includes(trustedEndpointsKey);
  if (area !== 'session') return false;
  return keys.some((key) => key.startsWith(claimedRolesKey(''))) || (configurationKey in changes && changes[configurationKey]?.newValue === undefined);
}

/**
 * The published configuration among session items, or `undefined` before the background has
 * published one (a browser start empties session storage).
 */
export function publishedConfiguration(session: Record<string, unknown>): Configuration | undefined {
  const value = session[configurationKey] as Partial<Configuration> | undefined;
  return value && Array.isArray(value.providers) && Array.isArray(value.profiles) && Array.isArray(value.problems) ? (value as Configuration) : undefined;
}

/**
 * Whether `next` differs from what is published; equal documents are not written again. Compared
 * whatever the order of keys, since storage may hand them back in another.
 */
export function differsFromPublished(next: Configuration, session: Record<string, unknown>): boolean {
  return canonicalJson(next) !== canonicalJson(session[configurationKey]);
}
