/**
 * What the native port should do, decided from plain facts so it can be tested without a browser.
 *
 * Chromium (156 verified here) does not add `runtime.connectNative` to a service worker that is
 * already running when the optional `nativeMessaging` permission is granted; a worker started
 * afterwards has it, and so does an extension tab, but an offscreen document does not. Reloading
 * the extension would bring it too, but it empties `storage.session` and signs the user out. So a
 * worker without it sets an alarm and lets itself be stopped: Chromium stops an idle worker after
 * 30 s, and the alarm then starts a fresh one, which connects. `storage.session` survives that.
 */

/** The next step for the port. */
export type ConnectionStep = 'off' | 'no-permission' | 'restart' | 'connect';

/** The facts the step depends on. */
export interface ConnectionFacts {
  /** Terminal access is on (user or policy). */
  enabled: boolean;
  /** The browser granted `nativeMessaging`. */
  permitted: boolean;
  /** This worker has `runtime.connectNative`. */
  canConnect: boolean;
}

/** What to do with the port given the facts. */
export function planConnection({ enabled, permitted, canConnect }: ConnectionFacts): ConnectionStep {
  if (!enabled) return 'off';
  if (!permitted) return 'no-permission';
  return canConnect ? 'connect' : 'restart';
}

/** Waits between reconnects: 1 s, 2 s, 4 s … up to a minute, so a missing host costs nothing. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 6)));
}
