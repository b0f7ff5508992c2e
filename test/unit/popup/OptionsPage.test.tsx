/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { checkConfigImport } from '../../../src/config/import-config';
import { saveConfig } from '../../../src/storage/config-document';
import type { ConfigDocumentStore } from '../../../src/storage/config-document';
import { OptionsPage } from '../../../popup/options/OptionsPage';
import type { OptionsPageProps } from '../../../popup/options/OptionsPage';

const clone = <T,>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const redirectUri = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';
const stored = {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }],
  profiles: [
    { id: 'dev', name: 'Dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
    { id: 'ops', name: 'Ops', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Ops' },
  ],
};

function setup(overrides: Partial<OptionsPageProps> = {}, initial: unknown = stored, managed: unknown = undefined) {
  const box: ConfigDocumentStore & { value: unknown; writes: number } = {
    value: clone(initial),
    writes: 0,
    get: async <T,>() => clone(box.value) as T,
    set: async (items) => {
      box.writes += 1;
      box.value = clone(items.config);
    },
  };
  const props: OptionsPageProps = {
    stored: initial,
    managed,
    redirectUri,
    extensionOrigin: 'chrome-extension://pphpgldbnphjbnncbdmijojinkfahdin',
    onSave: (draft, baseline) => saveConfig(box, draft, managed, baseline),
    onImport: async (text) => checkConfigImport(text, managed),
    onTestSignIn: jest.fn(async ({ providerId }) => ({
      providerId,
      ok: false,
      steps: [
        { step: 'discovery' as const, status: 'ok' as const, detail: 'issuer https://idp.example.com' },
        { step: 'authorization' as const, status: 'ok' as const, detail: 'an authorization code' },
        { step: 'token' as const, status: 'failed' as const, detail: 'failed', error: { code: 'TOKEN_REQUEST_FAILED' as const, message: 'Corp SSO refused to issue tokens (invalid_client).', hint: 'Register a public client.' } },
        { step: 'claims' as const, status: 'skipped' as const, detail: 'not reached' },
        { step: 'sts' as const, status: 'skipped' as const, detail: 'not reached' },
      ],
    })),
    onRequestOrigins: jest.fn(async () => true),
    hasOrigins: jest.fn(async () => false),
    ...overrides,
  };
  const { rerender } = render(<OptionsPage {...props} />);
  return { props, box, rerender };
}

const provider = (name: string) => screen.getByRole('article', { name: `Provider ${name}` });
const profile = (name: string) => screen.getByRole('article', { name: `Profile ${name}` });

describe('options page', () => {
  it('shows the redirect URI prefix, and each provider\'s own redirect URI, with copy buttons', () => {
    setup();
    expect(screen.getByLabelText('Redirect URI prefix')).toHaveTextContent(redirectUri);
    expect(screen.getByRole('button', { name: 'Copy redirect uri prefix' })).toBeInTheDocument();
    expect(within(provider('Corp SSO')).getByLabelText('Redirect URI of Corp SSO')).toHaveTextContent(`${redirectUri}corp`);
  });

  it('offers to trust the hosts a saved configuration names before they are used', () => {
    const onTrust = jest.fn(async () => undefined);
    const saved = { ...stored, profiles: [{ ...stored.profiles[0], stsEndpoint: 'http://127.0.0.1:5000' }] };
    setup({ onTrust }, saved);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('out of service until you confirm their hosts');
    fireEvent.click(within(alert).getByRole('button', { name: 'Trust http://127.0.0.1:5000 and use it' }));
    expect(onTrust).toHaveBeenCalledWith(['http://127.0.0.1:5000']);
  });

  it('checks a field as the user types, naming what is wrong and how to fix it', () => {
    setup();
    const arn = within(profile('Dev')).getByLabelText('Role ARN');
    fireEvent.input(arn, { target: { value: 'arn:aws:iam::12:role/Dev' } });
    expect(arn).toHaveAttribute('aria-invalid', 'true');
    expect(arn).toHaveAccessibleDescription('account id must be 12 digits (got "12")');
    fireEvent.input(arn, { target: { value: 'arn:aws:iam::123456789012:role/Dev2' } });
    expect(arn).toHaveAttribute('aria-invalid', 'false');
    // Untouched fields stay quiet even where the draft is incomplete.
    expect(within(profile('Ops')).getByLabelText('Role ARN')).toHaveAttribute('aria-invalid', 'false');
  });

  it('refuses to save a draft with errors, lists them by path, and stores nothing', async () => {
    const { box } = setup();
    fireEvent.input(within(profile('Dev')).getByLabelText('Colour'), { target: { value: 'red' } });
    fireEvent.input(within(profile('Ops')).getByLabelText('Duration (seconds)'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not saved; nothing was changed.');
    expect(alert).toHaveTextContent('profiles[0].color: must be a colour like #d13212 (got "red")');
    expect(alert).toHaveTextContent('profiles[1].durationSeconds: must be a whole number from 900 to 43200');
    expect(box.writes).toBe(0);
    expect(box.value).toEqual(stored);
  });

  it('adds a provider from a preset and a profile, then saves both at once', async () => {
    const { box } = setup({}, { providers: [], profiles: [] });
    const form = screen.getByRole('form', { name: 'Add provider' });
    fireEvent.change(within(form).getByLabelText('Identity provider'), { target: { value: 'keycloak' } });
    fireEvent.input(within(form).getByLabelText('Keycloak URL'), { target: { value: 'https://sso.example.com' } });
    fireEvent.input(within(form).getByLabelText('Client id'), { target: { value: 'wic' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add provider' }));
    expect(within(form).getByText('Realm: is required')).toBeInTheDocument();
    fireEvent.input(within(form).getByLabelText('Realm'), { target: { value: 'corp' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add provider' }));

    const keycloak = provider('Keycloak');
    expect(within(keycloak).getByLabelText('Issuer')).toHaveValue('https://sso.example.com/realms/corp');
    expect(within(keycloak).getByText(/Web origins: chrome-extension:\/\/pphpgldbnphjbnncbdmijojinkfahdin/)).toBeInTheDocument();
    expect(within(keycloak).getByText(/recent Keycloak versions reject requests whose Origin is not in the client's Web origins/i)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    const added = profile('profile');
    expect(within(added).getByLabelText('Provider')).toHaveValue('keycloak');
    fireEvent.input(within(added).getByLabelText('Name'), { target: { value: 'Prod admin' } });
    fireEvent.input(within(profile('Prod admin')).getByLabelText('Role ARN'), { target: { value: 'arn:aws:iam::123456789012:role/Admin' } });
    fireEvent.input(within(profile('Prod admin')).getByLabelText('Account alias'), { target: { value: 'prod' } });
    fireEvent.click(within(profile('Prod admin')).getByLabelText('Pinned'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(box.value).toEqual({
      schemaVersion: 2,
      providers: [{ id: 'keycloak', name: 'Keycloak', preset: 'keycloak', clientId: 'wic', issuer: 'https://sso.example.com/realms/corp', scopes: 'openid' }],
      profiles: [{ id: 'profile', name: 'Prod admin', provider: 'keycloak', roleArn: 'arn:aws:iam::123456789012:role/Admin', alias: 'prod', pinned: false }],
    });
  });

  it('edits the console fields of a profile, checking the sign-in endpoint as the user types', async () => {
    const { box } = setup();
    const endpoint = within(profile('Dev')).getByLabelText('Sign-in endpoint');
    fireEvent.input(endpoint, { target: { value: 'https://login.example.com/federation' } });
    expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    expect(endpoint).toHaveAccessibleDescription(expect.stringContaining('must be an AWS sign-in federation endpoint'));
    fireEvent.input(endpoint, { target: { value: 'https://eu-west-1.signin.aws.amazon.com/federation' } });
    expect(endpoint).toHaveAttribute('aria-invalid', 'false');
    fireEvent.input(within(profile('Dev')).getByLabelText('Console destination'), { target: { value: 'https://eu-west-1.console.aws.amazon.com/ec2/home' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect((box.value as typeof stored).profiles[0]).toEqual({
      ...stored.profiles[0], signinEndpoint: 'https://eu-west-1.signin.aws.amazon.com/federation', consoleDestination: 'https://eu-west-1.console.aws.amazon.com/ec2/home',
    });
  });

  it('shows the note under the redirect URI and further sections the page is given', () => {
    setup({ redirectNote: 'Firefox has its own redirect URI.', children: <section aria-label="Clipboard settings">clipboard</section> });
    expect(screen.getByText('Firefox has its own redirect URI.')).toHaveClass('hint');
    expect(screen.getByRole('region', { name: 'Clipboard settings' })).toHaveTextContent('clipboard');
  });

  it('reorders and deletes entries', async () => {
    const { box } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Move Profile Ops up' }));
    expect(screen.getAllByRole('article').map((article) => article.getAttribute('aria-label'))).toEqual(['Provider Corp SSO', 'Profile Ops', 'Profile Dev']);
    expect(screen.getByRole('button', { name: 'Move Profile Ops up' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Profile Dev' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect((box.value as typeof stored).profiles.map((entry) => entry.id)).toEqual(['ops']);
  });

  it('discards changes back to what is stored', () => {
    setup();
    fireEvent.input(within(provider('Corp SSO')).getByLabelText('Client id'), { target: { value: 'changed' } });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(within(provider('Corp SSO')).getByLabelText('Client id')).toHaveValue('abc');
  });

  it('shows managed entries read-only, set by the organization, over a local one with the same id', () => {
    const managed = { providers: [{ id: 'corp', name: 'Corp (policy)', issuer: 'https://idp.example.com', clientId: 'org' }] };
    setup({}, stored, managed);
    const policy = provider('Corp (policy)');
    expect(policy).toHaveTextContent('Set by your organization');
    expect(within(policy).getByLabelText('Client id')).toBeDisabled();
    expect(within(policy).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(within(provider('Corp SSO')).getByRole('note')).toHaveTextContent('Your organization\'s policy has an entry with this id, and it is used instead of this one.');
  });

  it('runs Test sign-in for the draft and shows each step with what failed', async () => {
    const { props } = setup();
    fireEvent.click(within(provider('Corp SSO')).getByRole('button', { name: 'Test sign-in with Corp SSO' }));
    const report = await screen.findByRole('list', { name: 'Test sign-in report for Corp SSO' });
    expect(props.onTestSignIn).toHaveBeenCalledWith({ document: expect.objectContaining({ providers: stored.providers }), providerId: 'corp' });
    expect(within(report).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['Discovery: ok', 'Authorization: ok', 'Token: failed', 'Claims: skipped', 'STS: skipped']);
    expect(within(report).getByRole('alert')).toHaveTextContent('Corp SSO refused to issue tokens (invalid_client).Register a public client.');
  });

  it('asks for access to the issuer from a click, saying why, and opens the offer when a test could not reach it', async () => {
    const unreachable = { code: 'IDP_UNREACHABLE' as const, message: 'Could not reach Corp SSO at https://idp.example.com.' };
    const { props } = setup({
      onTestSignIn: jest.fn(async ({ providerId }) => ({ providerId, ok: false, steps: [{ step: 'discovery' as const, status: 'failed' as const, detail: 'failed', error: unreachable }] })),
    });
    const corp = provider('Corp SSO');
    const offer = (await within(corp).findByText('Network access to https://idp.example.com')).closest('details');
    expect(offer).not.toHaveAttribute('open');
    fireEvent.click(within(corp).getByRole('button', { name: 'Test sign-in with Corp SSO' }));
    await waitFor(() => expect(offer).toHaveAttribute('open'));
    expect(within(corp).getByText(/The test could not reach this provider\. .*does not accept requests from the extension's origin \(CORS\)/)).toBeInTheDocument();
    fireEvent.click(within(corp).getByRole('button', { name: 'Allow access to https://idp.example.com' }));
    expect(props.onRequestOrigins).toHaveBeenCalledWith(['https://idp.example.com']);
    await waitFor(() => expect(within(corp).getByText('The extension may reach https://idp.example.com directly.')).toBeInTheDocument());
  });

  it('follows the stored configuration when an import replaces it, unless there are unsaved edits', async () => {
    const { props, rerender } = setup();
    const renamed = { providers: [{ ...stored.providers[0], name: 'Renamed' }], profiles: [] };
    rerender(<OptionsPage {...props} stored={renamed} />);
    expect(await screen.findByRole('article', { name: 'Provider Renamed' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Profile Dev' })).toBeNull();

    fireEvent.input(within(provider('Renamed')).getByLabelText('Client id'), { target: { value: 'mine' } });
    rerender(<OptionsPage {...props} stored={stored} />);
    expect(within(provider('Renamed')).getByLabelText('Client id')).toHaveValue('mine');
    expect(screen.getByRole('note')).toHaveTextContent('The saved configuration changed elsewhere.');
    fireEvent.click(screen.getByRole('button', { name: 'Load it' }));
    expect(within(provider('Corp SSO')).getByLabelText('Client id')).toHaveValue('abc');
  });
});

describe('export', () => {
  it('offers the saved configuration, at the current version, to download', () => {
    setup();
    const link = screen.getByRole('link', { name: 'Download configuration' });
    expect(link).toHaveAttribute('download', 'web-identity-credentials.json');
    const href = link.getAttribute('href') ?? '';
    expect(JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)))).toEqual({ ...stored, schemaVersion: 2 });
  });
});
