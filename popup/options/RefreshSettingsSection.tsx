/**
 * The options page's section for refresh settings, wired to storage.
 */
import { useEffect, useState } from 'preact/hooks';
import { readConfiguration } from '../../src/adapters/configuration';
import { readSettingsResult, writeSettings } from '../../src/adapters/settings-storage';
import type { Provider } from '../../src/config/types';
import type { SettingsResult } from '../../src/config/validate-settings';
import { RefreshSettings } from './RefreshSettings';

/** Loads the settings and the providers, then shows the form. */
export function RefreshSettingsSection() {
  const [loaded, setLoaded] = useState<{ current: SettingsResult; providers: Provider[] }>();
  useEffect(() => {
    void Promise.all([readSettingsResult(), readConfiguration()]).then(([current, config]) => setLoaded({ current, providers: config.providers }));
  }, []);
  return (
    <section aria-labelledby="refresh-heading">
      <h2 id="refresh-heading">Automatic refresh</h2>
      <p>While you are at the browser, credentials of pinned profiles are renewed before they expire, without a sign-in prompt as long as your identity provider allows.</p>
      {loaded && <RefreshSettings current={loaded.current} providers={loaded.providers} onSave={writeSettings} />}
    </section>
  );
}
