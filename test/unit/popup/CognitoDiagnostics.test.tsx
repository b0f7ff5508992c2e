/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/preact';
import { DiagnosticsPanel } from '../../../popup/diagnostics/DiagnosticsPanel';
import { ProfileCard } from '../../../popup/popup/ProfileCard';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildDiagnosticsView } from '../../../src/diagnostics/diagnostics-view';
import { buildPopupView } from '../../../src/view/popup-view';

const now = Date.UTC(2030, 0, 1);
const pool = 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const config = validateConfiguration(undefined, {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com/tenant', clientId: 'abc' }],
  profiles: [{ id: 'pool', name: 'Team pool', provider: 'corp', identityPoolId: pool }],
});
const session = {
  'provider-session/corp': { idToken: 'a.b.c', subject: 'user-1' },
  'profile-status/pool': { state: 'error', updatedAt: now, error: { code: 'COGNITO_NOT_AUTHORIZED', message: 'Identity pool did not accept the token', hint: 'Add the provider.' } },
  'diagnostics/profile/pool': {
    request: { endpoint: 'https://cognito-identity.eu-west-1.amazonaws.com', region: 'eu-west-1', flow: 'enhanced (GetId, GetCredentialsForIdentity)', IdentityPoolId: pool, LoginsKey: 'idp.example.com/tenant' },
    at: now,
    error: { code: 'NotAuthorized', message: 'Token is not from a supported provider of this identity pool.', httpStatus: 400 },
  },
};

describe('an identity pool profile', () => {
  it('shows the pool\'s request, its answer, the Logins key, the provider settings and the role trust policy', () => {
    render(<DiagnosticsPanel view={buildDiagnosticsView(config, session, { profileId: 'pool' })} now={now} onRevealToken={async () => undefined} onCopy={async () => undefined} report={() => ''} />);
    expect(screen.getByRole('heading', { name: 'Last identity pool request' })).toBeInTheDocument();
    const request = screen.getByRole('table', { name: 'identity pool request parameters' });
    expect(within(request).getByRole('row', { name: /^LoginsKey/ })).toHaveTextContent('idp.example.com/tenant');
    expect(within(request).getByRole('row', { name: /^Logins\s/ })).toHaveTextContent('(not shown)');
    expect(within(screen.getByRole('table', { name: 'identity pool answer' })).getByRole('row', { name: /^code/ })).toHaveTextContent('NotAuthorized');
    expect(screen.getByTestId('failed-step')).toHaveTextContent('Amazon Cognito identity pool');
    expect(screen.getByTestId('logins-key')).toHaveTextContent('idp.example.com/tenant');
    expect(screen.getByText(/Add identity provider → OpenID Connect \(OIDC\)/)).toBeInTheDocument();
    expect(JSON.parse(screen.getByTestId('cognito-trust-policy').textContent ?? '{}').Statement[0].Condition.StringEquals).toEqual({ 'cognito-identity.amazonaws.com:aud': pool });
    expect(screen.getByRole('button', { name: 'Copy trust policy' })).toBeInTheDocument();
  });

  it('says in the popup that the pool chooses the role', () => {
    const view = buildPopupView(config, {}, now).providers[0]?.profiles[0];
    if (!view) throw new Error('no profile view');
    render(<ProfileCard view={view} />);
    expect(screen.getByRole('article', { name: 'Team pool' })).toHaveTextContent('role chosen by the identity pool · eu-west-1');
  });
});
