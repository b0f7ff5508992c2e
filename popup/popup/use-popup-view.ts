/**
 * Keeps the popup's view in step with storage: it re-reads on every storage change and
 * re-derives the countdowns once a second, so expired credentials never look valid.
 *
 * The first read starts with {@link startPopupView}, before anything renders, so the popup's first
 * render already shows every profile: no "Loading…" frame, and no wait for an effect (which
 * preact runs only after a frame has been painted) before storage is even asked. It is one read of
 * session storage: the configuration comes validated by the background, published there.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../src/adapters/runtime';
import { onStateChanged, readSessionItems } from '../../src/adapters/storage';
import type { Configuration } from '../../src/config/types';
import { buildPopupView } from '../../src/view/popup-view';
import { publishedConfiguration } from '../../src/storage/published-configuration';
import type { PopupView } from '../../src/view/popup-view';

interface Snapshot {
  config: Configuration;
  session: Record<string, unknown>;
}

let latest: Snapshot | undefined;
let started: Promise<void> | undefined;
let reads = 0;
const subscribers = new Set<() => void>();

async function read(): Promise<void> {
  const ticket = (reads += 1);
  const session = await readSessionItems();
  // Reads can finish out of order; only the most recent one describes storage now.
  if (ticket !== reads) return;
  // Missing while the background publishes it again (after a browser start, or session storage
  // cleared): the last one stands, but never the session it came with, whose credentials may be gone.
  const config = publishedConfiguration(session) ?? latest?.config;
  if (!config) return;
  latest = { config, session };
  for (const notify of subscribers) notify();
}

/**
 * The first read. After a browser start nothing is published until the background has run, so
 * the popup wakes it and waits for its answer, which comes once the configuration is written.
 */
async function firstRead(): Promise<void> {
  await read();
  if (latest) return;
  await request('resume', {}).catch(() => undefined);
  await read();
}

/**
 * Starts reading storage and watching it for changes; resolves once the first read is in. Call it
 * before the first render. Later calls return the same promise.
 */
export function startPopupView(): Promise<void> {
  started ??= (() => {
    onStateChanged(() => void read());
    return firstRead();
  })();
  return started;
}

/** The current view, or `undefined` until storage has been read once. */
export function usePopupView(): PopupView | undefined {
  const [snapshot, setSnapshot] = useState(latest);
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    const update = () => {
      setSnapshot(latest);
      setNow(Date.now());
    };
    subscribers.add(update);
    void startPopupView();
    // Storage may have changed between the first render and this effect.
    if (latest !== snapshot) update();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      subscribers.delete(update);
      clearInterval(timer);
    };
  }, []);

  return snapshot && buildPopupView(snapshot.config, snapshot.session, now);
}
