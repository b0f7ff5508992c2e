/**
 * The popup's entry point: wires the App to storage, the background, the clipboard and the
 * browser's permission prompt.
 */
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { browser } from '../../src/adapters/browser-api';
import { redirectUri } from '../../src/adapters/identity';
import { hasOrigins, requestOrigins } from '../../src/adapters/host-permissions';
import { savePreferences } from '../../src/adapters/preferences';
import { request } from '../../src/adapters/runtime';
import { consoleEndpoints } from '../../src/console/console-endpoints';
import { ErrorCodes, ExtensionError } from '../../src/errors';
import type { CopyFormat } from '../../src/format';
import type { Preferences } from '../../src/storage/preferences';
import type { ProfileView } from '../../src/view/popup-view';
import { onStateChanged, sessionStore } from '../../src/adapters/storage';
import { terminalAuditKey } from '../../src/storage/keys';
import type { TerminalAuditEntry } from '../../src/storage/records';
import { formatClock } from '../../src/util/format-clock';
import { App } from './App';
import { TerminalRequests } from './TerminalRequests';
import type { PopupActions } from './popup-actions';
import { startPopupView, usePopupView } from './use-popup-view';
import { usePreferences } from './use-preferences';

async function copy(view: ProfileView, format: CopyFormat, preferences: Preferences): Promise<void> {
  if (view.state.kind !== 'valid') throw new ExtensionError(ErrorCodes.notSignedIn, `${view.profile.name} has no valid credentials to copy.`);
  // The formatters load on the first copy, not with every popup (issue 7's popup budget).
  const { formatCredentials } = await import(/* webpackChunkName: "copy-formats" */ '../../src/format');
  await navigator.clipboard.writeText(formatCredentials(format, { profileId: view.profile.id, credentials: view.state.credentials }));
  await savePreferences({ lastFormat: format, lastProfileId: view.profile.id });
  if (preferences.clearClipboardAfterSeconds > 0) {
    // The popup closes long before the time is up; the background keeps the timer.
    // The copy itself worked, so a failure here must not read as "Copy failed".
    await request('clearClipboardLater', { afterSeconds: preferences.clearClipboardAfterSeconds }).catch((error: unknown) => console.warn('clipboard will not be cleared', error));
  }
}

async function openConsole(view: ProfileView): Promise<void> {
  const { federation } = consoleEndpoints(view.profile);
  const host = new URL(federation).hostname;
  // First thing in the click: the browser shows its prompt only while the click is fresh.
  const granted = await requestOrigins([federation]).catch(() => false);
  if (!granted) {
    throw new ExtensionError(ErrorCodes.consoleNoAccess, `Access to ${host} was not granted, so the console cannot be opened.`, {
      hint: 'Click Open console again and allow access when the browser asks.',
    });
  }
  accessByEndpoint.set(federation, Promise.resolve(true));
  await request('openConsole', { profileId: view.profile.id });
}

/**
 * Whether each federation endpoint may be reached, asked once per popup: every card of one
 * partition shares an endpoint, and 200 profiles must not mean 200 questions to the browser.
 */
const accessByEndpoint = new Map<string, Promise<boolean>>();

async function consoleAccess(view: ProfileView) {
  let federation: string;
  try {
    federation = consoleEndpoints(view.profile).federation;
  } catch {
    return undefined;
  }
  let granted = accessByEndpoint.get(federation);
  if (!granted) {
    granted = hasOrigins([federation]);
    accessByEndpoint.set(federation, granted);
  }
  return { host: new URL(federation).hostname, granted: await granted };
}

const loadTerminalRequests = () => sessionStore.get<TerminalAuditEntry[]>(terminalAuditKey);

const refreshNow = (profileIds?: string[]) => request('refreshNow', profileIds ? { profileIds } : {});

function Popup() {
  const view = usePopupView();
  // Wakes a stopped background, which settles a sign-in its predecessor left busy.
  useEffect(() => void request('resume', {}).catch(() => undefined), []);
  const preferences = usePreferences();
  const actions: PopupActions = {
    lastFormat: preferences.lastFormat,
    copy: (profile, format) => copy(profile, format, preferences),
    openConsole,
    consoleAccess,
    refreshNow,
  };
  return (
    <>
      <App
        view={view}
        redirectUri={redirectUri()}
        actions={actions}
        // Errors land in storage, where the view shows them; the reply adds nothing to show.
        onSignIn={(providerId) => void request('signIn', { providerId }).catch(() => undefined)}
        onSignOut={(providerId) => void request('signOut', { providerId }).catch(() => undefined)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
      <TerminalRequests load={loadTerminalRequests} subscribe={onStateChanged} formatTime={formatClock} />
    </>
  );
}

const root = document.getElementById('root');
// One render, with the profiles: storage is read before it (see use-popup-view.ts).
if (root) void startPopupView().finally(() => render(<Popup />, root));
