/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../popup/popup/App';
import type { PopupActions } from '../../../popup/popup/popup-actions';
import { ErrorCodes, ExtensionError } from '../../../src/errors';
import { buildPopupView } from '../../../src/view/popup-view';
import { formatClock } from '../../../src/util/format-clock';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = Date.now();
const signedInAt = now - 3_600_000;
const corpSession = { 'provider-session/corp': { idToken: 'h.p.s', idTokenExpiresAt: now + 600_000, subject: 's', signedInAt } };

/** The popup with the card actions of issue 3 as no-ops, and `refreshNow` only when given. */
function renderPopup(session: Record<string, unknown>, refresh?: Pick<PopupActions, 'refreshNow'>) {
  const actions: PopupActions = { lastFormat: 'bash', copy: jest.fn(async () => undefined), openConsole: jest.fn(async () => undefined), consoleAccess: jest.fn(async () => undefined), ...refresh };
  render(<App view={buildPopupView(sampleConfig, session, now)} redirectUri="https://x.chromiumapp.org/" actions={actions} onSignIn={jest.fn()} onSignOut={jest.fn()} onOpenOptions={jest.fn()} />);
}

/** A refresh the test finishes by hand. */
function pendingRefresh() {
  let finish: (outcome?: Error) => void = () => undefined;
  const refreshNow = jest.fn(() => new Promise<unknown>((resolve, reject) => {
    finish = (outcome) => (outcome ? reject(outcome) : resolve({ refreshed: 1, failed: 0 }));
  }));
  return { actions: { refreshNow }, finish: (outcome?: Error) => finish(outcome) };
}

describe('Refresh now', () => {
  it('refreshes one profile, showing progress on its button until the background answers', async () => {
    const { actions, finish } = pendingRefresh();
    renderPopup({ ...corpSession, 'credentials/dev': sampleCredentials(now + 600_000) }, actions);
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    fireEvent.click(within(dev).getByRole('button', { name: 'Refresh now' }));
    expect(actions.refreshNow).toHaveBeenCalledWith(['dev']);
    await waitFor(() => expect(within(dev).getByRole('button', { name: 'Refreshing…' })).toBeDisabled());
    finish();
    await waitFor(() => expect(within(dev).getByRole('button', { name: 'Refresh now' })).toBeEnabled());
  });

  it('says what the background refused', async () => {
    const { actions, finish } = pendingRefresh();
    renderPopup({ ...corpSession, 'credentials/ops': sampleCredentials(now + 600_000) }, actions);
    const ops = screen.getByRole('article', { name: 'Ops' });
    fireEvent.click(within(ops).getByRole('button', { name: 'Refresh now' }));
    finish(new ExtensionError(ErrorCodes.notSignedIn, 'Nothing to refresh: sign in first.', { hint: 'Click Sign in.' }));
    await waitFor(() => expect(within(ops).getByRole('alert')).toHaveTextContent('Nothing to refresh: sign in first.Click Sign in.'));
  });

  it('offers no refresh for a profile never signed in, nor anywhere without refresh actions', () => {
    const { actions } = pendingRefresh();
    renderPopup({}, actions);
    expect(screen.queryByRole('button', { name: /Refresh/ })).toBeNull();
    renderPopup({ ...corpSession, 'credentials/dev': sampleCredentials(now + 600_000) });
    expect(screen.queryByRole('button', { name: /Refresh/ })).toBeNull();
  });

  it('refreshes everything from the header while any provider is signed in', async () => {
    const { actions, finish } = pendingRefresh();
    renderPopup({ ...corpSession, 'credentials/dev': sampleCredentials(now + 600_000) }, actions);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    expect(actions.refreshNow).toHaveBeenCalledWith(undefined);
    finish();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh all' })).toBeEnabled());
  });
});

describe('profile status during and after renewal', () => {
  it('shows a profile being refreshed as refreshing, with the time its credentials still have', () => {
    renderPopup({ ...corpSession, 'credentials/dev': sampleCredentials(now + 600_000), 'refreshing/dev': { signedInAt, since: now - 1_000 } });
    const status = within(screen.getByRole('article', { name: 'Dev admin' })).getByRole('status');
    expect(status).toHaveAttribute('data-tone', 'refreshing');
    expect(status).toHaveTextContent('Refreshing, 10 min left');
    expect(within(screen.getByRole('article', { name: 'Dev admin' })).getByRole('button', { name: 'Copy bash' })).toBeEnabled();
  });

  it('shows credentials removed at their expiry as expired, saying when and what brings new ones', () => {
    const error = { code: ErrorCodes.credentialsExpired, message: 'These credentials expired at 09:00.', hint: 'Trying again automatically at 09:02, or click Refresh now.' };
    renderPopup({ ...corpSession, 'profile-status/dev': { state: 'error', error, updatedAt: now } }, { refreshNow: jest.fn(async () => undefined) });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('status')).toHaveAttribute('data-tone', 'expired');
    expect(within(dev).getByRole('status')).toHaveTextContent('These credentials expired at 09:00.');
    expect(dev).toHaveTextContent('Trying again automatically at 09:02, or click Refresh now.');
    expect(within(dev).queryByText('Error details')).toBeNull();
    expect(within(dev).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
    expect(within(dev).getByRole('button', { name: 'Refresh now' })).toBeEnabled();
  });
});

describe('renewal status', () => {
  const status = () => within(screen.getByRole('region', { name: 'Corp SSO' })).queryByTestId('renewal-status');

  it('asks for sign-in when the IdP needs the user, and says until when the credentials hold', () => {
    const error = { code: ErrorCodes.loginFailed, message: 'Corp SSO needs you to sign in again (login_required).', hint: 'Click Sign in.' };
    renderPopup({ ...corpSession, 'credentials/dev': sampleCredentials(now + 600_000), 'renewal/corp': { state: 'needs-sign-in', at: now, signedInAt, error } });
    expect(status()).toHaveAttribute('role', 'alert');
    expect(status()).toHaveTextContent(`Corp SSO needs you to sign in again (login_required).Sign in to keep your credentials renewed; your current credentials stay valid until ${formatClock(now + 600_000)}.`);
    expect(within(screen.getByRole('article', { name: 'Dev admin' })).getByRole('status')).toHaveTextContent('Valid, 10 min left');
  });

  it('says quietly when and how the session was renewed', () => {
    renderPopup({ ...corpSession, 'renewal/corp': { state: 'ok', at: now - 60_000, signedInAt, method: 'refresh-token' } });
    expect(status()).toHaveTextContent(`Renewed automatically at ${formatClock(now - 60_000)} with the refresh token.`);
    expect(status()).not.toHaveAttribute('role');
  });

  it('says when a restart cleared the session', () => {
    renderPopup({ 'renewal/corp': { state: 'cleared', at: now } });
    expect(status()).toHaveTextContent('Your credentials were cleared when the browser or the extension restarted.Sign in again.');
  });

  it('ignores a record of an earlier sign-in', () => {
    renderPopup({ ...corpSession, 'renewal/corp': { state: 'needs-sign-in', at: now, signedInAt: 1 } });
    expect(status()).toBeNull();
  });
});
