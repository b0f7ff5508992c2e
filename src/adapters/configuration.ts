/**
 * The configuration as the extension runs it: read from policy and from the user, validated, with
 * the roles tokens listed made into profiles. The background publishes it in `storage.session`
 * (src/storage/published-configuration.ts), so the popup renders it without validating anything.
 */
import { localStore, readManagedConfig, sessionStore } from './storage';
import { validateConfiguration } from '../config/validate-configuration';
import type { Configuration } from '../config/types';
import { withClaimedRoles } from '../sign-in/claimed-roles';
import { claimedRolesKey, configurationKey, localConfigKey } from '../storage/keys';
import { readTrustedOrigins } from '../storage/trusted-endpoints';
import { changesConfiguration, differsFromPublished } from '../storage/published-configuration';
import type { StorageChange } from '../storage/published-configuration';

/** Reads and validates the configuration from policy and from the user, with the profiles signing in revealed. */
export async function readConfiguration(): Promise<Configuration> {
  const [managed, local, trusted] = await Promise.all([readManagedConfig(), localStore.get(localConfigKey), readTrustedOrigins(localStore)]);
  const config = validateConfiguration(managed, local, trusted);
  const keys = config.providers.filter((provider) => provider.rolesFromClaim).map((provider) => claimedRolesKey(provider.id));
  return keys.length ? withClaimedRoles(config, await sessionStore.getMany(keys)) : config;
}

/** Reads the configuration and publishes it, unless what is published already says the same. */
export async function publishConfiguration(): Promise<void> {
  const [config, session] = await Promise.all([readConfiguration(), sessionStore.getMany([configurationKey])]);
  if (differsFromPublished(config, session)) await sessionStore.set({ [configurationKey]: config });
}

/** Publishes the configuration in turn with every other publication of this worker. */
export interface ConfigurationPublisher {
  /** Resolves once a publication started now is written (or found unneeded). */
  publishNow(): Promise<void>;
  /** The background's `storage.onChanged` listener calls this: a change of a source publishes again. */
  onStorageChanged(changes: StorageChange, area: string): void;
}

/**
 * Publishes the configuration now, and again whenever its sources change or the published copy
 * is removed (signing out of everything clears session storage).
 */
export function createConfigurationPublisher(): ConfigurationPublisher {
  const report = (error: unknown) => console.error('configuration not published:', error instanceof Error ? error.message : String(error));
  // One publication at a time, a new one after every change: a slow read never overwrites a newer one.
  let queue = publishConfiguration().catch(report);
  const publishNow = () => (queue = queue.then(publishConfiguration).catch(report));
  return {
    publishNow,
    onStorageChanged(changes, area) {
      if (changesConfiguration(area, changes)) void publishNow();
    },
  };
}
