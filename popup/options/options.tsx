/**
 * The options page's entry point: wires the editor to storage, the background and the
 * permissions API, and follows storage changes (imports, other tabs, new policy).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browserFamily } from '../../src/adapters/browser-family';
import { hasOrigins, requestOrigins } from '../../src/adapters/host-permissions';
import { redirectUri } from '../../src/adapters/identity';
import { loadPreferences, savePreferences } from '../../src/adapters/preferences';
import { request } from '../../src/adapters/runtime';
import { localStore, onStateChanged, readManagedConfig } from '../../src/adapters/storage';
import { importConfig, saveConfig } from '../../src/storage/config-document';
import { localConfigKey } from '../../src/storage/keys';
import { addTrustedOrigins, readTrustedOrigins, removeTrustedOrigin } from '../../src/storage/trusted-endpoints';
import { ClipboardOption } from './ClipboardOption';
import { OptionsPage } from './OptionsPage';
import { RefreshSettingsSection } from './RefreshSettingsSection';
import { TrustedHosts } from './TrustedHosts';
import { TerminalAccessSection } from './TerminalAccessSection';

/** Each browser has its own redirect URI; one IdP application can list them all. */
const otherBrowsers = {
  chromium: 'This is the redirect URI of this browser. Firefox has its own (…extensions.allizom.org): register it too if you use the extension there.',
  firefox: 'This is the redirect URI of Firefox. Chrome and Edge have their own (…chromiumapp.org): register it too if you use the extension there.',
};

// Module-level, so the option loads once rather than on every render.
const loadClearDelay = async () => (await loadPreferences()).clearClipboardAfterSeconds;
const saveClearDelay = (seconds: number) => savePreferences({ clearClipboardAfterSeconds: seconds });

interface Stored {
  local: unknown;
  managed: unknown;
  trusted: string[];
}

function Options() {
  const [stored, setStored] = useState<Stored>();
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const [local, managed, trusted] = await Promise.all([localStore.get(localConfigKey), readManagedConfig(), readTrustedOrigins(localStore)]);
      if (alive) setStored({ local, managed, trusted });
    };
    void load();
    const unsubscribe = onStateChanged(() => void load());
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  if (!stored) return <p class="loading">Loading…</p>;

  return (
    <OptionsPage
      stored={stored.local}
      managed={stored.managed}
      redirectUri={redirectUri()}
      redirectNote={otherBrowsers[browserFamily()]}
      extensionOrigin={location.origin}
      trustedOrigins={stored.trusted}
      onTrust={async (origins) => void (await addTrustedOrigins(localStore, origins))}
      onSave={async (draft, baseline, confirm) => saveConfig(localStore, draft, await readManagedConfig(), baseline, confirm)}
      onImport={async (text, confirm) => importConfig(localStore, text, await readManagedConfig(), confirm)}
      onTestSignIn={(testRequest) => request('testSignIn', testRequest)}
      onRequestOrigins={requestOrigins}
      hasOrigins={hasOrigins}
    >
      <section aria-labelledby="clipboard-heading">
        <h2 id="clipboard-heading">Clipboard</h2>
        <ClipboardOption load={loadClearDelay} save={saveClearDelay} />
      </section>
      <TrustedHosts origins={stored.trusted} onForget={(origin) => void removeTrustedOrigin(localStore, origin)} />
      <RefreshSettingsSection />
      <TerminalAccessSection />
    </OptionsPage>
  );
}

const root = document.getElementById('root');
if (root) render(<Options />, root);
