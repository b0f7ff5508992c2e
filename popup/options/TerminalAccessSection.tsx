/**
 * The options page's terminal access section, wired to storage and the permissions API. It
 * follows storage, so a profile allowed from the browser's notification shows up here at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { readConfiguration } from '../../src/adapters/configuration';
import { hasNativeMessaging, requestNativeMessaging } from '../../src/adapters/native-messaging';
import { allowTerminalProfile, readTerminalSettings, writeSettings } from '../../src/adapters/settings-storage';
import { onStateChanged, sessionStore } from '../../src/adapters/storage';
import type { TerminalSettings } from '../../src/config/terminal-settings';
import { terminalConnectionKey } from '../../src/storage/keys';
import type { TerminalConnection } from '../../src/storage/records';
import { TerminalAccess } from './TerminalAccess';

interface Loaded {
  settings: TerminalSettings;
  permitted: boolean;
  connection: TerminalConnection | undefined;
  profiles: { id: string; name: string }[];
}

async function load(): Promise<Loaded> {
  const [settings, permitted, connection, config] = await Promise.all([
    readTerminalSettings(),
    hasNativeMessaging(),
    sessionStore.get<TerminalConnection>(terminalConnectionKey),
    readConfiguration(),
  ]);
  return { settings, permitted, connection, profiles: config.profiles.map(({ id, name }) => ({ id, name })) };
}

/** Loads, shows and saves the terminal access settings. */
export function TerminalAccessSection() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [problem, setProblem] = useState<string>();
  // The switch as clicked, until storage says so: storage changes meanwhile (the badge, the
  // schedule) reload the section and must not flip it back while the browser is asking.
  const [pending, setPending] = useState<boolean>();
  useEffect(() => {
    if (pending !== undefined && loaded?.settings.enabled === pending) setPending(undefined);
  }, [loaded, pending]);
  useEffect(() => {
    let alive = true;
    const reload = () => void load().then((next) => alive && setLoaded(next));
    reload();
    const unsubscribe = onStateChanged(reload);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);

  // The permission request must come straight from the click: nothing awaited before it.
  const enable = (enabled: boolean) => {
    setProblem(undefined);
    setPending(enabled);
    if (!enabled) return void writeSettings({ terminalAccess: false });
    void requestNativeMessaging().then(async (granted) => {
      if (granted) await writeSettings({ terminalAccess: true });
      else {
        setPending(undefined);
        setProblem('The browser did not allow the extension to talk to wic, so terminal access stays off.');
      }
      setLoaded(await load());
    }, (error: unknown) => {
      setPending(undefined);
      setProblem(error instanceof Error ? error.message : String(error));
    });
  };
  const requestPermission = () => void requestNativeMessaging().then(async () => setLoaded(await load()));

  return (
    <section aria-labelledby="terminal-heading">
      <h2 id="terminal-heading">Terminal access</h2>
      {loaded && (
        <TerminalAccess
          {...loaded}
          settings={pending === undefined ? loaded.settings : { ...loaded.settings, enabled: pending }}
          onEnable={enable}
          onRequestPermission={requestPermission}
          onAllow={(profileId, allowed) => void allowTerminalProfile(profileId, allowed)}
        />
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
