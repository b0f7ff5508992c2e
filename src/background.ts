/**
 * The background service worker: the composition root. It wires adapters to logic and registers
 * listeners at the top level, as Manifest V3 requires for a worker that may wake up at any time.
 */
import { restrictSessionStorage, readConfiguration, readSessionItems, sessionStore } from './adapters/storage';
import { launchWebAuthFlow, redirectUri } from './adapters/identity';
import { listenForMessages } from './adapters/runtime';
import { revokeRefreshToken } from './oidc/revoke-refresh-token';
import { signInWithProvider } from './oidc/sign-in';
import { deriveSessionName } from './session-name';
import { createSignInService } from './state/sign-in-service';
import { recoverInterrupted } from './state/recover-interrupted';
import { assumeRoleWithWebIdentity } from './sts/assume-role';

// Before anything else: whatever this worker's predecessor left busy was interrupted.
const startedAt = Date.now();
const ready = readSessionItems().then((items) => recoverInterrupted(items, sessionStore, startedAt, Date.now())).catch(() => 0);

const service = createSignInService({
  readConfiguration,
  store: sessionStore,
  signIn: (provider, interactive) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: redirectUri() }, interactive),
  assumeRole: assumeRoleWithWebIdentity,
  deriveSessionName,
  now: Date.now,
  ready,
  revokeRefreshToken: (provider, refreshToken) => revokeRefreshToken(provider, refreshToken),
});

listenForMessages({
  signIn: ({ providerId }) => service.signIn(providerId),
  signOut: async ({ providerId }) => {
    await service.signOut(providerId);
    return null;
  },
  resume: async () => {
    await ready;
    return null;
  },
});

void restrictSessionStorage();
