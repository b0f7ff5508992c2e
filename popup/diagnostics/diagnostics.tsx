/**
 * The diagnostics page's entry point: wires {@link DiagnosticsPanel} to storage and the clipboard.
 * `diagnostics.html?profile=<id>` (or `?provider=<id>`).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../src/adapters/browser-api';
import { readConfiguration } from '../../src/adapters/configuration';
import { onStateChanged, readSessionItems, sessionStore } from '../../src/adapters/storage';
import { buildDebugReport } from '../../src/diagnostics/debug-report';
import { buildDiagnosticsView } from '../../src/diagnostics/diagnostics-view';
import type { DiagnosticsView } from '../../src/diagnostics/diagnostics-view';
import { providerSessionKey } from '../../src/storage/keys';
import type { ProviderSession } from '../../src/storage/records';
import { DiagnosticsPanel } from './DiagnosticsPanel';

const params = new URLSearchParams(location.search);
const target = { profileId: params.get('profile'), providerId: params.get('provider') };

function Page() {
  const [view, setView] = useState<DiagnosticsView | null>();
  useEffect(() => {
    const load = async () => {
      const [config, session] = await Promise.all([readConfiguration(), readSessionItems()]);
      setView(buildDiagnosticsView(config, session, target) ?? null);
    };
    void load();
    return onStateChanged(() => void load());
  }, []);
  useEffect(() => {
    if (view) document.title = `Diagnostics: ${view.profile?.name ?? view.provider.name}`;
  }, [view]);
  return (
    <DiagnosticsPanel
      view={view}
      now={Date.now()}
      onRevealToken={async () => {
        if (!view) return undefined;
        return (await sessionStore.get<ProviderSession>(providerSessionKey(view.provider.id)))?.idToken;
      }}
      onCopy={(text) => navigator.clipboard.writeText(text)}
      report={() => (view ? buildDebugReport(view, { extensionVersion: browser.runtime.getManifest().version, userAgent: navigator.userAgent, now: Date.now() }) : '')}
    />
  );
}

const root = document.getElementById('root');
if (root) render(<Page />, root);
