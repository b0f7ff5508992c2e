/**
 * The background service worker: the composition root. It wires adapters to logic and registers
 * listeners at the top level, as Manifest V3 requires for a worker that may wake up at any time.
 */
import { restrictSessionStorage, readConfiguration, sessionStore } from './adapters/storage';
import { launchWebAuthFlow, redirectUri } from './adapters/identity';
import { listenForMessages } from './adapters/runtime';
import { signInWithProvider } from './oidc/sign-in';
import { deriveSessionName } from './session-name';
import { createSignInService } from './state/sign-in-service';
import { assumeRoleWithWebIdentity } from './sts/assume-role';

const service = createSignInService({
  readConfiguration,
  store: sessionStore,
  signIn: (provider, interactive) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: redirectUri() }, interactive),
  assumeRole: assumeRoleWithWebIdentity,
  deriveSessionName,
  now: Date.now,
});

listenForMessages({
  ping: async () => 'pong',
  signIn: ({ providerId }) => service.signIn(providerId),
  signOut: async ({ providerId }) => {
    await service.signOut(providerId);
    return null;
  },
});

void restrictSessionStorage();
