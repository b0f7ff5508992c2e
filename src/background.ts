/**
 * The background service worker: the composition root. It wires adapters to logic and registers
 * every listener here, once, at the top level, as Manifest V3 requires for a worker that may wake
 * up at any time.
 */
import { alarms } from './adapters/alarms';
import { browser } from './adapters/browser-api';
import { clearClipboardLater, writeClipboard } from './adapters/clipboard';
import { copyDefaultProfileCommand, openPopup, refreshAllCommand } from './adapters/commands';
import { createConfigurationPublisher, readConfiguration } from './adapters/configuration';
import { hasOrigins } from './adapters/host-permissions';
import { launchWebAuthFlow, providerRedirectUri } from './adapters/identity';
import { idle } from './adapters/idle';
import { indicator } from './adapters/indicator';
import { askToAllowTerminal, clearAllowTerminal, notifications, profileOfAllowNotification, providerOfNotification } from './adapters/notifications';
import { loadPreferences } from './adapters/preferences';
import { messageListener } from './adapters/runtime';
import { allowTerminalProfile, readSettings, readTerminalSettings } from './adapters/settings-storage';
import { localStore, readManagedConfig, readSessionItems, restrictSessionStorage, sessionStore } from './adapters/storage';
import { openTab } from './adapters/tabs';
import { createTerminalPort, terminalAlarm } from './adapters/terminal-port';
import { createConsoleOpener } from './console/open-console';
import { ErrorCodes, ExtensionError } from './errors';
import { createDiscoveryCache } from './oidc/discovery-cache';
import { refreshIdToken } from './oidc/refresh-id-token';
import { revokeRefreshToken } from './oidc/revoke-refresh-token';
import { signInWithProvider } from './oidc/sign-in';
import { createRefreshService } from './refresh/refresh-service';
import { createDefaultProfileCopier } from './sign-in/copy-default-profile';
import { recoverInterrupted } from './sign-in/recover-interrupted';
import { createSignInService } from './sign-in/sign-in-service';
import { runTestSignIn } from './sign-in/test-sign-in';
import { createCredentialsSender } from './cognito/credentials-request';
import { migrateStoredConfig } from './storage/config-document';
import { storedIdentityIds } from './storage/identity-ids';
import { localConfigKey, settingsKey } from './storage/keys';
import { createTerminalRequestHandler } from './terminal-access/handle-request';
import { clipboardClearChoices } from './storage/preferences';
import { changesConfiguration } from './storage/published-configuration';
import { readTrustedOrigins } from './storage/trusted-endpoints';
import { deriveSessionName } from './sts/session-name';
import { formatClock } from './util/format-clock';

// Before anything else: whatever this worker's predecessor left busy was interrupted.
const startedAt = Date.now();
const publisher = createConfigurationPublisher();
const ready = readSessionItems().then((items) => recoverInterrupted(items, sessionStore, startedAt, Date.now())).catch(() => 0);
// Renewals reuse the issuer's discovery document (and with it oauth4webapi's copy of its keys).
const discovery = createDiscoveryCache(Date.now);
// STS for a role, an identity pool for a pool profile; identity ids are kept in session storage.
const credentials = createCredentialsSender({ identityIds: storedIdentityIds(sessionStore) });

const service = createSignInService({
  readConfiguration,
  store: sessionStore,
  signIn: (provider, interactive) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: providerRedirectUri(provider.id) }, interactive),
  assumeRole: credentials.send,
  deriveSessionName,
  now: Date.now,
  ready,
  revokeRefreshToken: (provider, refreshToken) => revokeRefreshToken(provider, refreshToken),
});

const refresh = createRefreshService({
  readConfiguration,
  readSettings,
  store: sessionStore,
  readSession: readSessionItems,
  local: localStore,
  refreshIdToken: (provider, refreshToken) => refreshIdToken(provider, refreshToken, { discovery }),
  silentSignIn: (provider) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: providerRedirectUri(provider.id), discovery }, false),
  assumeRole: credentials.send,
  deriveSessionName,
  alarms,
  idle,
  indicator,
  notifications,
  now: Date.now,
  random: Math.random,
  formatClock,
});

const openConsole = createConsoleOpener({ readConfiguration, store: sessionStore, hasOrigins, fetch: (url, init) => fetch(url, init), openTab, now: Date.now });

const copyDefaultProfile = createDefaultProfileCopier({ readConfiguration, readPreferences: loadPreferences, store: sessionStore, writeClipboard, now: Date.now });

const handleTerminalRequest = createTerminalRequestHandler({
  readConfiguration,
  readRefreshSettings: readSettings,
  readTerminalSettings,
  readSession: readSessionItems,
  store: sessionStore,
  refreshNow: (profileIds) => refresh.refreshNow(profileIds),
  askToAllow: (profile, command) => askToAllowTerminal(profile.id, profile.name, command),
  askToSignIn: (provider) => notifications.askToSignIn(provider.id, `Sign in to ${provider.name}`, 'A terminal asked for credentials: sign in to give it fresh ones.'),
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

const terminalPort = createTerminalPort(handleTerminalRequest);

/** Failures are already in storage for the popup; here they are only logged. */
const run = (task: Promise<unknown>) => void task.catch((error: unknown) => console.warn('Background:', error instanceof Error ? error.message : String(error)));

browser.runtime.onMessage.addListener(messageListener({
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
  testSignIn: (request) =>
    runTestSignIn(
      {
        readManagedConfig,
        readTrustedOrigins: () => readTrustedOrigins(localStore),
        signIn: (provider, onStep) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: providerRedirectUri(provider.id), onStep }, true),
        assumeRole: credentials.obtain,
        deriveSessionName,
      },
      request,
    ),
}));

browser.runtime.onInstalled.addListener(() => {
  run(migrateStoredConfig(localStore));
  run(refresh.onBrowserStart());
});
browser.runtime.onStartup.addListener(() => run(refresh.onBrowserStart()));
/** Ends sign-ins whose provider was removed or changed issuer or client id (src/sign-in/stale-sessions.ts). */
const endStaleSessions = () => readSessionItems().then((items) => service.endStaleSessions(items));
browser.storage.onChanged.addListener((changes, area) => {
  publisher.onStorageChanged(changes, area);
  // Includes the roles a new token listed: a role it no longer lists takes its credentials along.
  if (changesConfiguration(area, changes)) run(endStaleSessions());
  if (area === 'session') run(refresh.onSessionChanged(changes));
  else if (area === 'managed' || (area === 'local' && (localConfigKey in changes || settingsKey in changes))) run(refresh.onSettingsChanged());
  if (area === 'managed' || (area === 'local' && settingsKey in changes)) run(terminalPort.sync());
});
browser.alarms.onAlarm.addListener((alarm) => run(alarm.name === terminalAlarm ? terminalPort.sync() : refresh.onAlarm(alarm.name)));
browser.permissions.onAdded.addListener(() => run(terminalPort.sync()));
browser.permissions.onRemoved.addListener(() => run(terminalPort.sync()));
browser.idle.onStateChanged.addListener((state) => run(refresh.onIdleStateChanged(state)));
const signInFromNotification = (notificationId: string) => {
  const providerId = providerOfNotification(notificationId);
  if (providerId !== undefined) run(service.signIn(providerId));
  // A click on the terminal consent notification is the user allowing that profile.
  const profileId = profileOfAllowNotification(notificationId);
  if (profileId !== undefined) run(allowTerminalProfile(profileId, true).then(() => clearAllowTerminal(profileId)));
};
browser.notifications.onButtonClicked.addListener(signInFromNotification);
browser.notifications.onClicked.addListener(signInFromNotification);
browser.commands.onCommand.addListener((command: string) => {
  // Nothing to copy (signed out, expired): the popup shows why and offers to sign in.
  if (command === copyDefaultProfileCommand) void copyDefaultProfile().catch(() => openPopup());
  else if (command === refreshAllCommand) run(refresh.refreshNow());
});

// A first catch-up on every worker start: alarms and schedules are rebuilt from storage.
run(refresh.start());
// Configuration may have changed while no worker ran (a policy pushed at start-up).
run(ready.then(endStaleSessions));
run(terminalPort.sync());
void restrictSessionStorage();
