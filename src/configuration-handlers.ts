/**
 * The background's part of configuration: "Test sign-in", sign-in that remembers the roles a
 * token lists, and migration of the stored document on install and update. Wiring only, like
 * background.ts: adapters meet logic here.
 */
import { localConfigStorage, onInstalledOrUpdated } from './adapters/config-store';
import { launchWebAuthFlow, redirectUri } from './adapters/identity';
import { readManagedConfig, sessionStore } from './adapters/storage';
import { migrateStoredConfig } from './config/migrations';
import type { Provider } from './config/types';
import type { Handlers } from './messages';
import { signInWithProvider } from './oidc/sign-in';
import type { SignInResult } from './oidc/sign-in';
import { deriveSessionName } from './sts/session-name';
import { rememberClaimedRoles } from './sign-in/claimed-roles';
import { localConfigKey } from './storage/keys';
import { runTestSignIn } from './sign-in/test-sign-in';
import { assumeRoleWithWebIdentity } from './sts/assume-role';

/** Handlers of the options page's actions. */
export const configurationHandlers: Pick<Handlers, 'testSignIn'> = {
  testSignIn: (request) =>
    runTestSignIn(
      {
        readManagedConfig,
        signIn: (provider, onStep) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: redirectUri(), onStep }, true),
        assumeRole: assumeRoleWithWebIdentity,
        deriveSessionName,
      },
      request,
    ),
};

/** Signs in and keeps the roles the token lists, so their profiles exist before STS is called. */
export async function signInRememberingRoles(provider: Provider, interactive: boolean): Promise<SignInResult> {
  const result = await signInWithProvider(provider, { launchWebAuthFlow, redirectUri: redirectUri() }, interactive);
  await rememberClaimedRoles(sessionStore, provider, result.claims);
  return result;
}

/** Registers the migration of the stored configuration; call at the top level of the background. */
export function registerConfigurationLifecycle(): void {
  onInstalledOrUpdated(() => {
    migrateStoredConfig(localConfigStorage, localConfigKey).catch((error: unknown) => console.error('configuration migration failed', error));
  });
}
