/**
 * The popup's entry point: wires the App to storage, the background and the clipboard.
 */
import { render } from 'preact';
import { browser } from '../src/adapters/browser-api';
import { redirectUri } from '../src/adapters/identity';
import { request } from '../src/adapters/runtime';
import { formatCredentials } from '../src/format';
import type { ProfileView } from '../src/state/popup-view';
import { App } from './App';
import { startPopupView, usePopupView } from './use-popup-view';

async function copyBash(view: ProfileView): Promise<void> {
  if (view.state.kind !== 'valid') return;
  await navigator.clipboard.writeText(formatCredentials('bash', { profileId: view.profile.id, credentials: view.state.credentials }));
}

function Popup() {
  const view = usePopupView();
  return (
    <App
      view={view}
      redirectUri={redirectUri()}
      // Errors land in storage, where the view shows them; the reply adds nothing to show.
      onSignIn={(providerId) => void request('signIn', { providerId }).catch(() => undefined)}
      onSignOut={(providerId) => void request('signOut', { providerId }).catch(() => undefined)}
      onCopyBash={copyBash}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

const root = document.getElementById('root');
// One render, with the profiles: storage is read before it (see use-popup-view.ts).
if (root) void startPopupView().finally(() => render(<Popup />, root));
