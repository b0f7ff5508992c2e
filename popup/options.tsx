/**
 * The options page: the redirect URI to register, and the configuration import.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browserFamily } from '../src/adapters/browser-family';
import { redirectUri } from '../src/adapters/identity';
import { loadPreferences, savePreferences } from '../src/adapters/preferences';
import { readLocalConfig, readManagedConfig, writeLocalConfig } from '../src/adapters/storage';
import { checkConfigImport } from '../src/config/import-config';
import type { ImportResult } from '../src/config/import-config';
import { ClipboardOption } from './ClipboardOption';
import { CopyableValue } from './CopyableValue';
import { ImportConfig } from './ImportConfig';

const example = {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc123', scopes: 'openid' }],
  profiles: [{ id: 'dev', name: 'Dev admin', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1', durationSeconds: 3600 }],
};

/** Each browser has its own redirect URI; one IdP application can list them all. */
const otherBrowsers = {
  chromium: 'This is the redirect URI of this browser. Firefox has its own (…extensions.allizom.org): register it too if you use the extension there.',
  firefox: 'This is the redirect URI of Firefox. Chrome and Edge have their own (…chromiumapp.org): register it too if you use the extension there.',
};

const loadClearDelay = async () => (await loadPreferences()).clearClipboardAfterSeconds;
const saveClearDelay = (seconds: number) => savePreferences({ clearClipboardAfterSeconds: seconds });

async function importConfig(text: string): Promise<ImportResult> {
  const result = checkConfigImport(text, await readManagedConfig());
  if (result.ok) await writeLocalConfig(result.document);
  return result;
}

function Options() {
  const [current, setCurrent] = useState<string>();
  useEffect(() => {
    void readLocalConfig().then((document) => setCurrent(JSON.stringify(document ?? example, null, 2)));
  }, []);
  return (
    <>
      <h1>Web Identity Credentials</h1>
      <section aria-labelledby="redirect-heading">
        <h2 id="redirect-heading">Redirect URI</h2>
        <p>Register it with your identity provider for a public (no client secret) application using the authorization code flow with PKCE.</p>
        <CopyableValue label="Redirect URI" value={redirectUri()} />
        <p class="hint">{otherBrowsers[browserFamily()]}</p>
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Configuration</h2>
        <p>Entries set by your organization's policy take precedence over entries here with the same id.</p>
        {current !== undefined && <ImportConfig current={current} onImport={importConfig} />}
      </section>
      <section aria-labelledby="clipboard-heading">
        <h2 id="clipboard-heading">Clipboard</h2>
        <ClipboardOption load={loadClearDelay} save={saveClearDelay} />
      </section>
    </>
  );
}

const root = document.getElementById('root');
if (root) render(<Options />, root);
