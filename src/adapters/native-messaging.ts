/**
 * The optional `nativeMessaging` permission and the port to `wic`'s host
 * (`runtime.connectNative`). The permission is asked for only from the options page, on the click
 * that turns terminal access on.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging
 */
import type { Runtime } from 'webextension-polyfill';
import { NATIVE_HOST_NAME } from '../terminal/native-host';
import type { NativeConnector } from '../terminal-access/terminal-link';
import { browser } from './browser-api';

/** Whether the browser granted `nativeMessaging`. */
export function hasNativeMessaging(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['nativeMessaging'] });
}

/** Asks the user for `nativeMessaging`; call it straight from a click (a user gesture). */
export function requestNativeMessaging(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['nativeMessaging'] });
}

/**
 * Whether this context has `runtime.connectNative`. Chromium leaves it out of a service worker
 * that was running when the permission was granted (src/terminal-access/connection-plan.ts).
 */
export function canConnectNative(): boolean {
  return typeof (browser.runtime as Partial<typeof browser.runtime>).connectNative === 'function';
}

/** Opens the port to the host; the browser starts the host process and stops it when the port closes. */
export const connectNative: NativeConnector = ({ onMessage, onDisconnect }) => {
  const port: Runtime.Port = browser.runtime.connectNative(NATIVE_HOST_NAME);
  port.onMessage.addListener((message: unknown) => onMessage(message));
  port.onDisconnect.addListener((closed: Runtime.Port) => {
    // Chromium reports why in runtime.lastError, Firefox in port.error.
    const lastError = (globalThis as { chrome?: { runtime?: { lastError?: { message?: string } } } }).chrome?.runtime?.lastError;
    onDisconnect(lastError?.message ?? closed.error?.message);
  });
  return { post: (message) => port.postMessage(message), close: () => port.disconnect() };
};
