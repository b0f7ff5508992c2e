/**
 * The configuration the background publishes in `storage.session` for the popup: which storage
 * changes call for publishing it again, and how a page reads it back.
 */
import type { Configuration } from '../config/types';
import { claimedRolesKey, configurationKey, localConfigKey } from './keys';

/**
 * Whether a storage change can change the configuration: the policy, the user's document, or the
 * roles a provider's token listed (they become profiles).
 */
export function changesConfiguration(area: string, changedKeys: readonly string[]): boolean {
  if (area === 'managed') return true;
  if (area === 'local') return changedKeys.includes(localConfigKey);
  return area === 'session' && changedKeys.some((key) => key.startsWith(claimedRolesKey('')));
}

/**
 * The published configuration among session items, or `undefined` before the background has
 * published one (a browser start empties session storage).
 */
export function publishedConfiguration(session: Record<string, unknown>): Configuration | undefined {
  const value = session[configurationKey] as Partial<Configuration> | undefined;
  return value && Array.isArray(value.providers) && Array.isArray(value.profiles) && Array.isArray(value.problems) ? (value as Configuration) : undefined;
}

/** Whether `next` differs from what is published; equal documents are not written again. */
export function differsFromPublished(next: Configuration, session: Record<string, unknown>): boolean {
  return JSON.stringify(next) !== JSON.stringify(session[configurationKey]);
}
