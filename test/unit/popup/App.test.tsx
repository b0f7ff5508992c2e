/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../popup/App';
import type { AppProps } from '../../../popup/App';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildPopupView } from '../../../src/state/popup-view';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = Date.now();
const redirectUri = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';

function renderApp(session: Record<string, unknown> = {}, overrides: Partial<AppProps> = {}) {
  const props: AppProps = {
    view: buildPopupView(sampleConfig, session, now),
    redirectUri,
    onSignIn: jest.fn(),
    onSignOut: jest.fn(),
    onCopyBash: jest.fn(async () => undefined),
    onOpenOptions: jest.fn(),
    ...overrides,
  };
  render(<App {...props} />);
  return props;
}

describe('popup App', () => {
  it('shows each profile with name, account, role and region, signed out', () => {
    renderApp();
    const corp = screen.getByRole('region', { name: 'Corp SSO' });
    const dev = within(corp).getByRole('article', { name: 'Dev admin' });
    expect(dev).toHaveTextContent('123456789012 · Dev · eu-west-1');
    expect(within(dev).getByRole('status')).toHaveTextContent('Signed out');
    expect(within(dev).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
  });

  it('signs in with the provider of the section', () => {
    const props = renderApp();
    fireEvent.click(within(screen.getByRole('region', { name: 'Lab IdP' })).getByRole('button', { name: 'Sign in' }));
    expect(props.onSignIn).toHaveBeenCalledWith('lab');
  });

  it('shows time left and copies valid credentials, confirming on the button', async () => {
    const props = renderApp({ 'credentials/dev': sampleCredentials(now + 3_000_000), 'provider-session/corp': {} });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('status')).toHaveTextContent('Valid, 50 min left');
    fireEvent.click(within(dev).getByRole('button', { name: 'Copy bash' }));
    await waitFor(() => expect(within(dev).getByRole('button', { name: 'Copy bash' })).toHaveTextContent('Copied'));
    expect(props.onCopyBash).toHaveBeenCalledWith(expect.objectContaining({ profile: expect.objectContaining({ id: 'dev' }) }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(props.onSignOut).toHaveBeenCalledWith('corp');
  });

  it('says so when the clipboard refuses', async () => {
    renderApp({ 'credentials/dev': sampleCredentials(now + 3_000_000) }, { onCopyBash: async () => Promise.reject(new Error('denied')) });
    const button = within(screen.getByRole('article', { name: 'Dev admin' })).getByRole('button', { name: 'Copy bash' });
    fireEvent.click(button);
    await waitFor(() => expect(button).toHaveTextContent('Copy failed'));
  });

  it('shows expired credentials as expired, not copyable', () => {
    renderApp({ 'credentials/dev': sampleCredentials(now - 1) });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('status')).toHaveTextContent('Expired');
    expect(within(dev).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
  });

  it('shows an error with its hint on the profile it concerns', () => {
    renderApp({ 'profile-status/ops': { state: 'error', error: { code: 'STS_ACCESS_DENIED', message: 'Not allowed to assume role Ops', hint: 'Fix the trust policy.' }, updatedAt: now } });
    const ops = screen.getByRole('article', { name: 'Ops' });
    expect(within(ops).getByRole('alert')).toHaveTextContent('Not allowed to assume role OpsFix the trust policy.');
    expect(within(screen.getByRole('article', { name: 'Dev admin' })).queryByRole('alert')).toBeNull();
  });

  it('lists the invalid profile with the field and what is wrong', () => {
    renderApp();
    const problems = screen.getByRole('region', { name: 'Needs fixing' });
    expect(within(problems).getByRole('heading', { name: 'Profile broken' })).toBeInTheDocument();
    expect(within(problems).getByRole('alert')).toHaveTextContent('profiles[2].roleArn: account id must be 12 digits (got "1234")');
  });

  it('explains the first steps with the redirect URI when nothing is configured', () => {
    const props = renderApp({}, { view: buildPopupView({ providers: [], profiles: [], problems: [] }, {}, now) });
    expect(screen.getByRole('heading', { name: 'Set up your identity provider' })).toBeInTheDocument();
    expect(screen.getByTestId('redirect-uri')).toHaveTextContent(redirectUri);
    fireEvent.click(screen.getByRole('button', { name: 'options' }));
    expect(props.onOpenOptions).toHaveBeenCalled();
  });

  it('disables sign-in while a sign-in is waiting for the user', () => {
    renderApp({ 'provider-status/corp': { state: 'busy', step: 'Waiting for sign-in', updatedAt: now } });
    const corp = screen.getByRole('region', { name: 'Corp SSO' });
    expect(within(corp).getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    expect(corp).toHaveTextContent('Waiting for sign-in… finish in the login window.');
  });
});

describe('profile tag', () => {
  it('shows the account alias, the colour and roles from the token, only where set', () => {
    const config = validateConfiguration(undefined, {
      providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }],
      profiles: [
        { id: 'prod', name: 'Prod', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Admin', alias: 'prod-eu', color: '#d13212' },
        { id: 'plain', name: 'Plain', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
      ],
    });
    renderApp({}, { view: buildPopupView({ ...config, profiles: [...config.profiles, { ...config.profiles[1]!, id: 'claimed', name: 'Claimed', fromToken: true }] }, {}, now) });
    const prod = screen.getByRole('article', { name: 'Prod' });
    expect(within(prod).getByTestId('profile-tag')).toHaveTextContent('prod-eu');
    expect(within(prod).getByTestId('profile-tag').querySelector('.swatch')).toHaveStyle({ background: '#d13212' });
    expect(within(screen.getByRole('article', { name: 'Plain' })).queryByTestId('profile-tag')).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Claimed' })).getByTestId('profile-tag')).toHaveTextContent('from sign-in');
  });
});
