/**
 * Keeps the popup's view in step with storage: it re-reads on every storage change and
 * re-derives the countdowns once a second, so expired credentials never look valid.
 */
import { useEffect, useState } from 'preact/hooks';
import { onStateChanged, readConfiguration, readSessionItems } from '../src/adapters/storage';
import type { Configuration } from '../src/config/types';
import { buildPopupView } from '../src/state/popup-view';
import type { PopupView } from '../src/state/popup-view';

interface Snapshot {
  config: Configuration;
  session: Record<string, unknown>;
}

/** The current view, or `undefined` until storage has been read once. */
export function usePopupView(): PopupView | undefined {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const [config, session] = await Promise.all([readConfiguration(), readSessionItems()]);
      if (alive) {
        setSnapshot({ config, session });
        setNow(Date.now());
      }
    };
    void load();
    const unsubscribe = onStateChanged(() => void load());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      alive = false;
      unsubscribe();
      clearInterval(timer);
    };
  }, []);

  return snapshot && buildPopupView(snapshot.config, snapshot.session, now);
}
