/**
 * Wires the refresh service to the browser for the background: its adapters, its event
 * listeners (registered at once, at the top level), and a first catch-up on every worker start.
 */
import { readSessionItems, sessionStore } from './storage';
import { readConfiguration } from './configuration';
import { launchWebAuthFlow, redirectUri } from './identity';
import { alarms } from './alarms';
import { idle } from './idle';
import { indicator } from './indicator';
import { notifications } from './notifications';
import { listenForRefreshEvents } from './refresh-events';
import type { RefreshEventHandlers } from './refresh-events';
import { localStore, readSettings } from './settings-storage';
import { createDiscoveryCache } from '../oidc/discovery-cache';
import { refreshIdToken } from '../oidc/refresh-id-token';
import { signInWithProvider } from '../oidc/sign-in';
import { createRefreshService } from '../refresh/refresh-service';
import type { RefreshService } from '../refresh/refresh-service';
import { deriveSessionName } from '../sts/session-name';
import { assumeRoleWithWebIdentity } from '../sts/assume-role';
import { formatClock } from '../util/format-clock';

/** Creates the refresh service over the browser's APIs and starts listening. */
export function createBackgroundRefresh(handlers: RefreshEventHandlers): RefreshService {
  // Renewals reuse the issuer's discovery document (and with it oauth4webapi's copy of its keys).
  const discovery = createDiscoveryCache(Date.now);
  const service = createRefreshService({
    readConfiguration,
    readSettings,
    store: sessionStore,
    readSession: readSessionItems,
    local: localStore,
    refreshIdToken: (provider, refreshToken) => refreshIdToken(provider, refreshToken, { discovery }),
    silentSignIn: (provider) => signInWithProvider(provider, { launchWebAuthFlow, redirectUri: redirectUri(), discovery }, false),
    assumeRole: assumeRoleWithWebIdentity,
    deriveSessionName,
    alarms,
    idle,
    indicator,
    notifications,
    now: Date.now,
    random: Math.random,
    formatClock,
  });
  listenForRefreshEvents(service, handlers);
  void service.start().catch((error: unknown) => console.warn('Refresh:', error instanceof Error ? error.message : String(error)));
  return service;
}
