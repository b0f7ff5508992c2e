/**
 * The background service worker: the composition root. It wires adapters to logic and registers
 * listeners at the top level, as Manifest V3 requires for a worker that may wake up at any time.
 */
import { restrictSessionStorage, readSessionItems, sessionStore } from './adapters/storage';
import { keepConfigurationPublished, readConfiguration } from './adapters/configuration';
import { createBackgroundRefresh } from './adapters/background-refresh';
import { listenForMessages } from './adapters/runtime';
import { clearClipboardLater, writeClipboard } from './adapters/clipboard';
import { onCommand, openPopup } from './adapters/commands';
import { hasOrigins } from './adapters/host-permissions';
import { loadPreferences } from './adapters/preferences';
import { openTab } from './adapters/tabs';
import { configurationHandlers, registerConfigurationLifecycle, signInRememberingRoles } from './configuration-handlers';
import { createConsoleOpener } from './console/open-console';
import { ErrorCodes, ExtensionError } from './errors';
import { revokeRefreshToken } from './oidc/revoke-refresh-token';
import { createDefaultProfileCopier } from './sign-in/copy-default-profile';
import { clipboardClearChoices } from './config/preferences';
import { deriveSessionName } from './sts/session-name';
import { createSignInService } from './sign-in/sign-in-service';
import { recoverInterrupted } from './sign-in/recover-interrupted';
import { assumeRoleWithWebIdentity } from './sts/assume-role';

// Before anything else: whatever this worker's predecessor left busy was interrupted.
const startedAt = Date.now();
const publisher = keepConfigurationPublished();
const ready = readSessionItems().then((items) => recoverInterrupted(items, sessionStore, startedAt, Date.now())).catch(() => 0);

const service = createSignInService({
  readConfiguration,
  store: sessionStore,
  signIn: signInRememberingRoles,
  assumeRole: assumeRoleWithWebIdentity,
  deriveSessionName,
  now: Date.now,
  ready,
  revokeRefreshToken: (provider, refreshToken) => revokeRefreshToken(provider, refreshToken),
});

const openConsole = createConsoleOpener({
  readConfiguration,
  store: sessionStore,
  hasOrigins,
  fetch: (url, init) => fetch(url, init),
  openTab,
  now: Date.now,
});

const copyDefaultProfile = createDefaultProfileCopier({
  readConfiguration,
  readPreferences: loadPreferences,
  store: sessionStore,
  writeClipboard,
  now: Date.now,
});

const refresh = createBackgroundRefresh({ signIn: (providerId) => service.signIn(providerId) });

listenForMessages({
  ping: async () => 'pong',
  signIn: ({ providerId }) => service.signIn(providerId),
  refreshNow: ({ profileIds }) => refresh.refreshNow(profileIds),
  signOut: async ({ providerId }) => {
    await service.signOut(providerId);
    return null;
  },
  resume: async () => {
    // Every popup asks on opening, so a copy of the configuration that went missing is published again.
    await Promise.all([ready, publisher.publishNow()]);
    return null;
  },
  openConsole: async ({ profileId }) => {
    await openConsole(String(profileId));
    return null;
  },
  clearClipboardLater: async ({ afterSeconds }) => {
    if (!clipboardClearChoices.includes(afterSeconds) || afterSeconds === 0) {
      throw new ExtensionError(ErrorCodes.internal, `Cannot clear the clipboard after ${String(afterSeconds)} seconds.`);
    }
    await clearClipboardLater(afterSeconds);
    return null;
  },
  ...configurationHandlers,
});
registerConfigurationLifecycle();

// Nothing to copy (signed out, expired): the popup shows why and offers to sign in.
onCommand('copy-default-profile', () => void copyDefaultProfile().catch(() => openPopup()));

void restrictSessionStorage();
