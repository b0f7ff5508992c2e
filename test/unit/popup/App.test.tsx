/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../popup/popup/App';
import type { AppProps } from '../../../popup/popup/App';
import type { PopupActions } from '../../../popup/popup/popup-actions';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildPopupView } from '../../../src/view/popup-view';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = Date.now();
const redirectUri = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';

function renderApp(session: Record<string, unknown> = {}, overrides: Partial<AppProps> = {}, actions: Partial<PopupActions> = {}) {
  const props: AppProps = {
    view: buildPopupView(sampleConfig, session, now),
    redirectUri,
    actions: {
      lastFormat: 'bash',
      copy: jest.fn(async () => undefined),
      openConsole: jest.fn(async () => undefined),
      consoleAccess: jest.fn(async () => ({ host: 'signin.aws.amazon.com', granted: true })),
      ...actions,
    },
    onSignIn: jest.fn(),
    onSignOut: jest.fn(),
    onOpenOptions: jest.fn(),
    ...overrides,
  };
  const result = render(<App {...props} />);
  return { props, ...result };
}

const valid = { 'credentials/dev': sampleCredentials(now + 3_000_000), 'provider-session/corp': {} };

describe('popup App', () => {
  it('shows each profile with name, account, role and region, signed out', () => {
    renderApp();
    const corp = screen.getByRole('region', { name: 'Corp SSO' });
    const dev = within(corp).getByRole('article', { name: 'Dev admin' });
    expect(dev).toHaveTextContent('123456789012 · Dev · eu-west-1');
    expect(within(dev).getByRole('status')).toHaveTextContent('Signed out');
    expect(within(dev).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
    expect(within(dev).getByRole('button', { name: 'More copy formats' })).toBeDisabled();
    expect(within(dev).getByRole('button', { name: 'Open console' })).toBeDisabled();
  });

  it('offers Refresh now on a profile that has no credentials yet under a signed-in provider, not on a signed-out one', async () => {
    const refreshNow = jest.fn(async () => undefined);
    renderApp(valid, {}, { refreshNow });
    const ops = screen.getByRole('article', { name: 'Ops' });
    expect(within(ops).getByRole('status')).toHaveTextContent('No credentials yet');
    expect(within(ops).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
    fireEvent.click(within(ops).getByRole('button', { name: 'Refresh now' }));
    await waitFor(() => expect(refreshNow).toHaveBeenCalledWith(['ops']));
  });

  it('offers no Refresh now while the provider is signed out', () => {
    renderApp({}, {}, { refreshNow: jest.fn(async () => undefined) });
    expect(within(screen.getByRole('article', { name: 'Ops' })).getByRole('status')).toHaveTextContent('Signed out');
    expect(within(screen.getByRole('article', { name: 'Ops' })).queryByRole('button', { name: 'Refresh now' })).toBeNull();
  });

  it('signs in with the provider of the section', () => {
    const { props } = renderApp();
    fireEvent.click(within(screen.getByRole('region', { name: 'Lab IdP' })).getByRole('button', { name: 'Sign in' }));
    expect(props.onSignIn).toHaveBeenCalledWith('lab');
  });

  it('shows time left and copies valid credentials in one click, confirming on the button', async () => {
    const { props } = renderApp(valid);
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('status')).toHaveTextContent('Valid, 50 min left');
    expect(within(dev).getByRole('status')).toHaveAttribute('data-tone', 'valid');
    fireEvent.click(within(dev).getByRole('button', { name: 'Copy bash' }));
    await waitFor(() => expect(within(dev).getByRole('button', { name: 'Copy bash' })).toHaveTextContent('Copied'));
    expect(props.actions.copy).toHaveBeenCalledWith(expect.objectContaining({ profile: expect.objectContaining({ id: 'dev' }) }), 'bash');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(props.onSignOut).toHaveBeenCalledWith('corp');
  });

  it('offers the format picked last as the one-click copy', () => {
    renderApp(valid, {}, { lastFormat: 'credential-process' });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('button', { name: 'Copy credential_process' })).toBeEnabled();
    expect(within(dev).queryByRole('button', { name: 'Copy bash' })).toBeNull();
  });

  it('lists every format in a menu, grouped, and copies the one picked', async () => {
    const { props } = renderApp(valid);
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    const more = within(dev).getByRole('button', { name: 'More copy formats' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    const menu = within(dev).getByRole('menu', { name: 'Copy formats for Dev admin' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'bash / zsh', 'fish', 'PowerShell', 'Windows cmd',
      '~/.aws/credentials', 'credential_process JSON', '.env / docker --env-file',
      'Access key ID', 'Secret access key', 'Session token', 'Assumed role ARN',
    ]);
    expect(within(menu).getAllByRole('separator')).toHaveLength(2);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'PowerShell' }));
    expect(within(dev).queryByRole('menu')).toBeNull();
    await waitFor(() => expect(props.actions.copy).toHaveBeenCalledWith(expect.objectContaining({ profile: expect.objectContaining({ id: 'dev' }) }), 'powershell'));
    await waitFor(() => expect(dev).toHaveTextContent('Copied PowerShell for Dev admin'));
  });

  it('works the menu from the keyboard: arrows move, Enter picks, Escape returns to the button', async () => {
    const { props } = renderApp(valid);
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    const more = within(dev).getByRole('button', { name: 'More copy formats' });
    fireEvent.keyDown(more, { key: 'ArrowDown' });
    await waitFor(() => expect(within(dev).getByRole('menuitem', { name: 'bash / zsh' })).toHaveFocus());
    const menu = within(dev).getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    await waitFor(() => expect(within(dev).getByRole('menuitem', { name: 'fish' })).toHaveFocus());
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    await waitFor(() => expect(within(dev).getByRole('menuitem', { name: 'Assumed role ARN' })).toHaveFocus());
    fireEvent.keyDown(menu, { key: 'Escape' });
    await waitFor(() => expect(more).toHaveFocus());
    expect(within(dev).queryByRole('menu')).toBeNull();
    expect(props.actions.copy).not.toHaveBeenCalled();
  });

  it('says so when the clipboard refuses', async () => {
    renderApp(valid, {}, { copy: async () => Promise.reject(new Error('denied')) });
    const button = within(screen.getByRole('article', { name: 'Dev admin' })).getByRole('button', { name: 'Copy bash' });
    fireEvent.click(button);
    await waitFor(() => expect(button).toHaveTextContent('Copy failed'));
  });

  it('shows expired and expiring credentials in their own colour and words', () => {
    renderApp({ 'credentials/dev': sampleCredentials(now - 1), 'credentials/ops': sampleCredentials(now + 200_000) });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    expect(within(dev).getByRole('status')).toHaveTextContent('Expired');
    expect(within(dev).getByRole('status')).toHaveAttribute('data-tone', 'expired');
    expect(within(dev).getByRole('button', { name: 'Copy bash' })).toBeDisabled();
    const ops = screen.getByRole('article', { name: 'Ops' });
    expect(within(ops).getByRole('status')).toHaveTextContent('Expires soon, 3 min left');
    expect(within(ops).getByRole('status')).toHaveAttribute('data-tone', 'expiring');
  });

  it('keeps an error on the profile it concerns, its message and hint one click away', () => {
    renderApp({ 'profile-status/ops': { state: 'error', error: { code: 'STS_ACCESS_DENIED', message: 'Not allowed to assume role Ops', hint: 'Fix the trust policy.' }, updatedAt: now } });
    const ops = screen.getByRole('article', { name: 'Ops' });
    expect(within(ops).getByRole('status')).toHaveAttribute('data-tone', 'error');
    const details = within(ops).getByText('Error details').closest('details');
    expect(details).not.toHaveAttribute('open');
    fireEvent.click(within(ops).getByText('Error details'));
    expect(within(ops).getByRole('alert')).toHaveTextContent('Not allowed to assume role OpsFix the trust policy.');
    expect(ops).toHaveTextContent('Code STS_ACCESS_DENIED');
    expect(within(screen.getByRole('article', { name: 'Dev admin' })).queryByRole('alert')).toBeNull();
  });

  it('opens the console, saying first why the browser will ask for access', async () => {
    const { props } = renderApp(valid, {}, { consoleAccess: jest.fn(async () => ({ host: 'signin.aws.amazon.com', granted: false })) });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    const button = within(dev).getByRole('button', { name: 'Open console' });
    await waitFor(() => expect(button).toHaveAccessibleDescription('Opening the console asks once to let this extension reach signin.aws.amazon.com: AWS turns these credentials into a console session there.'));
    fireEvent.click(button);
    await waitFor(() => expect(props.actions.openConsole).toHaveBeenCalledWith(expect.objectContaining({ profile: expect.objectContaining({ id: 'dev' }) })));
    await waitFor(() => expect(button).not.toHaveAccessibleDescription());
  });

  it('shows why the console did not open', async () => {
    const { ExtensionError } = await import('../../../src/errors');
    renderApp(valid, {}, { openConsole: async () => Promise.reject(new ExtensionError('CONSOLE_REJECTED', 'The AWS sign-in endpoint refused the console sign-in (HTTP 400).', { hint: 'Sign in again.' })) });
    const dev = screen.getByRole('article', { name: 'Dev admin' });
    fireEvent.click(within(dev).getByRole('button', { name: 'Open console' }));
    await waitFor(() => expect(within(dev).getByRole('alert')).toHaveTextContent('The AWS sign-in endpoint refused the console sign-in (HTTP 400).Sign in again.'));
  });

  it('lists the invalid profile with the field and what is wrong', () => {
    renderApp();
    const problems = screen.getByRole('region', { name: 'Needs fixing' });
    expect(within(problems).getByRole('heading', { name: 'Profile broken' })).toBeInTheDocument();
    expect(within(problems).getByRole('alert')).toHaveTextContent('profiles[2].roleArn: account id must be 12 digits (got "1234")');
  });

  it('explains the first steps with the redirect URI when nothing is configured', () => {
    const { props } = renderApp({}, { view: buildPopupView({ providers: [], profiles: [], problems: [] }, {}, now) });
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

describe('popup App with many profiles', () => {
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'];
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }],
    profiles: names.map((name, index) => ({
      id: name.toLowerCase(),
      name,
      provider: 'corp',
      roleArn: `arn:aws:iam::${String(index).repeat(12)}:role/${name}Role`,
      region: index % 2 ? 'eu-west-1' : 'us-east-1',
      pinned: name !== 'Alpha' && name !== 'Charlie',
    })),
  });
  const articles = () => screen.queryAllByRole('article').map((article) => article.getAttribute('data-profile'));

  it('lists pinned profiles first, otherwise as configured', () => {
    renderApp({}, { view: buildPopupView(config, {}, now) });
    expect(articles()).toEqual(['bravo', 'delta', 'echo', 'foxtrot', 'golf', 'alpha', 'charlie']);
  });

  it('filters by any word of name, account, role or region, and clears with Escape', () => {
    renderApp({}, { view: buildPopupView(config, {}, now) });
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    fireEvent.input(search, { target: { value: 'eu-west' } });
    expect(articles()).toEqual(['bravo', 'delta', 'foxtrot']);
    fireEvent.input(search, { target: { value: 'golfrole 666666666666' } });
    expect(articles()).toEqual(['golf']);
    fireEvent.input(search, { target: { value: 'zulu' } });
    expect(articles()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('No profile matches “zulu”.');
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(articles()).toHaveLength(7);
  });

  it('shows no search box for six profiles or fewer', () => {
    renderApp();
    expect(screen.queryByRole('searchbox')).toBeNull();
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

  it('marks a profile the user added under the organization\'s provider as theirs, and the organization\'s as managed', () => {
    const config = validateConfiguration(
      { providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }], profiles: [{ id: 'org', name: 'Org', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Org' }] },
      { profiles: [{ id: 'mine', name: 'Mine', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Mine' }] },
    );
    renderApp({}, { view: buildPopupView(config, {}, now) });
    expect(within(screen.getByRole('article', { name: 'Mine' })).getByTestId('profile-owner')).toHaveTextContent('yours');
    expect(within(screen.getByRole('article', { name: 'Org' })).queryByTestId('profile-owner')).toBeNull();
    expect(screen.getByRole('region', { name: /Corp SSO/ })).toHaveTextContent('managed');
  });
});
