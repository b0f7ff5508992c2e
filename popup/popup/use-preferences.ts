/**
 * The preferences (last copy format, clipboard clearing), kept in step with `storage.local`.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPreferences } from '../../src/adapters/preferences';
import { onStateChanged } from '../../src/adapters/storage';
import type { Preferences } from '../../src/storage/preferences';
import { defaultPreferences } from '../../src/storage/preferences';

/** The current preferences; defaults until storage has been read. */
export function usePreferences(): Preferences {
  const [preferences, setPreferences] = useState<Preferences>(defaultPreferences);
  useEffect(() => {
    let alive = true;
    const load = () => void loadPreferences().then((loaded) => alive && setPreferences(loaded));
    load();
    const unsubscribe = onStateChanged(load);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return preferences;
}
