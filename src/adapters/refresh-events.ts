/**
 * Routes the browser's events to the refresh service. Registered at the top level of the
 * background, so that an alarm, the user coming back, a storage change or a click on the
 * notification wakes a stopped service worker and finds its listener.
 */
import { browser } from './browser-api';
import type { RefreshService } from '../refresh/refresh-service';
import { settingsKey } from '../config/refresh-settings';
import { localConfigKey } from '../storage/keys';
import { onCommand } from './commands';
import { providerOfNotification } from './notifications';

/** The keyboard command (manifest `commands`) that refreshes everything. */
export const refreshAllCommand = 'refresh-all';

/** What the events need beyond the refresh service. */
export interface RefreshEventHandlers {
  /** Interactive sign-in, from the notification's "Sign in". */
  signIn(providerId: string): Promise<unknown>;
}

/** Registers every listener. Failures are already in storage for the popup; here they are only logged. */
export function listenForRefreshEvents(service: RefreshService, handlers: RefreshEventHandlers): void {
  const run = (task: Promise<unknown>) => void task.catch((error: unknown) => console.warn('Refresh:', error instanceof Error ? error.message : String(error)));
  browser.alarms.onAlarm.addListener((alarm) => run(service.onAlarm(alarm.name)));
  browser.idle.onStateChanged.addListener((state) => run(service.onIdleStateChanged(state)));
  browser.runtime.onStartup.addListener(() => run(service.onBrowserStart()));
  browser.runtime.onInstalled.addListener(() => run(service.onBrowserStart()));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session') run(service.onSessionChanged(changes));
    else if (area === 'managed' || (area === 'local' && (localConfigKey in changes || settingsKey in changes))) run(service.onSettingsChanged());
  });
  const signIn = (notificationId: string) => {
    const providerId = providerOfNotification(notificationId);
    if (providerId !== undefined) run(handlers.signIn(providerId));
  };
  browser.notifications.onButtonClicked.addListener(signIn);
  browser.notifications.onClicked.addListener(signIn);
  onCommand(refreshAllCommand, () => run(service.refreshNow()));
}
