/**
 * The terminal link wired to the browser: the native port (`./native-messaging`), the hello with
 * this browser profile's key, timers, and the port's state in `storage.session` for the options
 * page. {@link TerminalPort.sync} opens or closes it to match the settings and the permission
 * (src/terminal-access/connection-plan.ts); the background calls it on start and on every event
 * that may change either, and registers those listeners itself.
 */
import { planConnection } from '../terminal-access/connection-plan';
import type { TerminalRequestHandler } from '../terminal-access/handle-request';
import { terminalProfileKey } from '../terminal-access/profile-key';
import { createTerminalLink } from '../terminal-access/terminal-link';
import { TERMINAL_PROTOCOL_VERSION } from '../terminal/messages';
import { terminalConnectionKey } from '../storage/keys';
import { alarms } from './alarms';
import { browser } from './browser-api';
import { canConnectNative, connectNative, hasNativeMessaging } from './native-messaging';
import { readTerminalSettings } from './settings-storage';
import { localStore, sessionStore } from './storage';

/** Wakes the worker while terminal access is on: a fresh worker after a grant, or a retry after a drop. */
export const terminalAlarm = 'terminal/reconnect';

/** Creates the port, closed; one per service worker. */
export function createTerminalPort(handle: TerminalRequestHandler) {
  const link = createTerminalLink({
    connect: connectNative,
    hello: async () => ({
      type: 'hello',
      protocol: TERMINAL_PROTOCOL_VERSION,
      profileKey: await terminalProfileKey(localStore, (length) => crypto.getRandomValues(new Uint8Array(length))),
      extensionVersion: browser.runtime.getManifest().version,
    }),
    handle,
    report: (connection) => sessionStore.set({ [terminalConnectionKey]: connection }),
    setTimer: (task, ms) => setTimeout(task, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    now: Date.now,
  });

  return {
    /** Opens or closes the native port to match the settings and the permission. */
    async sync(): Promise<void> {
      const step = planConnection({ enabled: (await readTerminalSettings()).enabled, permitted: await hasNativeMessaging(), canConnect: canConnectNative() });
      if (step === 'connect') link.open();
      else link.close();
      // Every minute, never pushed back: between two firings a worker without connectNative idles
      // out (Chromium stops it after 30 s without events), and the next firing starts a fresh one.
      // Without the permission nothing can connect, and permissions.onAdded wakes the worker anyway.
      if (step === 'off' || step === 'no-permission') await alarms.clear(terminalAlarm);
      else if (!(await alarms.get(terminalAlarm))) await alarms.create(terminalAlarm, Date.now() + 60_000, 1);
      // Off leaves nothing behind: session storage holds the port's state only while terminal access is on.
      if (step === 'off') await sessionStore.remove([terminalConnectionKey]);
      else if (step !== 'connect') await sessionStore.set({ [terminalConnectionKey]: { state: step === 'restart' ? 'restarting' : step, at: Date.now() } });
    },
  };
}

/** The port's interface. */
export type TerminalPort = ReturnType<typeof createTerminalPort>;
