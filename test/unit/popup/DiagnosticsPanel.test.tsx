/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { DiagnosticsPanel } from '../../../popup/diagnostics/DiagnosticsPanel';
import type { DiagnosticsPanelProps } from '../../../popup/diagnostics/DiagnosticsPanel';
import { App } from '../../../popup/popup/App';
import { buildDiagnosticsView } from '../../../src/diagnostics/diagnostics-view';
import { buildPopupView } from '../../../src/view/popup-view';
import { sampleConfig } from '../support/fixtures';

const now = Date.UTC(2030, 0, 1);
const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl';
const claims = { iss: 'https://idp.example.com', aud: 'abc', sub: 'user-1', amr: ['mfa'], exp: now / 1000 + 600, 'https://aws.amazon.com/tags': { principal_tags: { team: ['platform'] } }, email: 'a@example.com' };
const session = {
  'provider-session/corp': { idToken: token, subject: 'user-1' },
  'diagnostics/provider/corp': { claims, verified: true, receivedAt: now },
  'profile-status/dev': { state: 'error', updatedAt: now, error: { code: 'STS_ACCESS_DENIED', message: 'Not allowed to assume role Dev', hint: 'Fix the trust policy.' } },
  'diagnostics/profile/dev': {
    request: { endpoint: 'https://sts.eu-west-1.amazonaws.com', region: 'eu-west-1', RoleArn: 'arn:aws:iam::123456789012:role/Dev', RoleSessionName: 'wic-abc', DurationSeconds: 3600 },
    at: now,
    error: { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', httpStatus: 403, requestId: 'req-1', attempts: 1 },
  },
};

function renderPanel(overrides: Partial<DiagnosticsPanelProps> = {}) {
  const props: DiagnosticsPanelProps = {
    view: buildDiagnosticsView(sampleConfig, session, { profileId: 'dev' }),
    now,
    onRevealToken: jest.fn(async () => token),
    onCopy: jest.fn(async () => undefined),
    report: jest.fn(() => 'the report'),
    ...overrides,
  };
  render(<DiagnosticsPanel {...props} />);
  return props;
}

describe('diagnostics panel', () => {
  it('shows the claims that matter, never the token until asked', () => {
    renderPanel();
    const table = screen.getByRole('table', { name: 'ID token claims' });
    expect(within(table).getByRole('row', { name: /^iss/ })).toHaveTextContent('https://idp.example.com');
    expect(within(table).getByRole('row', { name: /^amr/ })).toHaveTextContent('["mfa"]');
    expect(within(table).getByRole('row', { name: /^exp/ })).toHaveTextContent('2030-01-01T00:10:00.000Z (still valid)');
    expect(within(table).getByRole('row', { name: /aws\.amazon\.com\/tags/ })).toHaveTextContent('team = ["platform"]');
    expect(screen.getByText('Other claims: email')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(token);
  });

  it('reveals the ID token on request, with a warning, and hides it again', async () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal ID token' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'ID token' })).toHaveValue(token));
    expect(props.onRevealToken).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Anyone holding this token can get AWS credentials/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Hide ID token' }));
    expect(screen.queryByRole('textbox', { name: 'ID token' })).toBeNull();
  });

  it('shows the STS request without the token and the exact answer', () => {
    renderPanel();
    const request = screen.getByRole('table', { name: 'STS request parameters' });
    expect(within(request).getByRole('row', { name: /RoleArn/ })).toHaveTextContent('arn:aws:iam::123456789012:role/Dev');
    expect(within(request).getByRole('row', { name: /WebIdentityToken/ })).toHaveTextContent('(not shown)');
    const answer = screen.getByRole('table', { name: 'STS answer' });
    expect(answer).toHaveTextContent('codeAccessDenied');
    expect(answer).toHaveTextContent('HTTP status403');
    expect(answer).toHaveTextContent('request idreq-1');
    expect(screen.getByTestId('failed-step')).toHaveTextContent('Failed at: STS AssumeRoleWithWebIdentity');
    expect(screen.getByRole('alert')).toHaveTextContent('Not allowed to assume role Dev');
  });

  it('copies the suggested trust policy and the debug report', async () => {
    const props = renderPanel();
    const policy = screen.getByTestId('trust-policy').textContent ?? '';
    expect(JSON.parse(policy)).toMatchObject({ Statement: [{ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: { StringEquals: { 'idp.example.com:sub': 'user-1' } } }] });
    fireEvent.click(screen.getByRole('button', { name: 'Copy trust policy' }));
    await waitFor(() => expect(props.onCopy).toHaveBeenCalledWith(policy));
    fireEvent.click(screen.getByRole('button', { name: 'Copy debug report' }));
    await waitFor(() => expect(props.onCopy).toHaveBeenCalledWith('the report'));
    await waitFor(() => expect(screen.getAllByText('Copied').length).toBeGreaterThan(0));
  });

  it('offers no trust policy for other errors', () => {
    const other = { ...session, 'profile-status/dev': { state: 'error', updatedAt: now, error: { code: 'STS_THROTTLED', message: 'STS is throttling' } } };
    renderPanel({ view: buildDiagnosticsView(sampleConfig, other, { profileId: 'dev' }) });
    expect(screen.queryByTestId('trust-policy')).toBeNull();
  });

  it('says so when the profile is not configured', () => {
    renderPanel({ view: null });
    expect(screen.getByRole('alert')).toHaveTextContent('not configured');
  });
});

describe('the Details entry of a profile', () => {
  it('links each profile card to its own diagnostics page in a new tab', () => {
    const actions = { lastFormat: 'bash' as const, copy: jest.fn(), openConsole: jest.fn(), consoleAccess: jest.fn(async () => undefined) };
    render(<App view={buildPopupView(sampleConfig, {}, now)} redirectUri="x" actions={actions} onSignIn={jest.fn()} onSignOut={jest.fn()} onOpenOptions={jest.fn()} />);
    const link = within(screen.getByRole('article', { name: 'Ops' })).getByRole('link', { name: 'Details' });
    expect(link).toHaveAttribute('href', 'diagnostics.html?profile=ops');
    expect(link).toHaveAttribute('target', '_blank');
  });
});
