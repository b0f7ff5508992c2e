/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/preact';
import { ProblemList } from '../../../popup/popup/ProblemList';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildPopupView } from '../../../src/view/popup-view';

const provider = { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc123' };
const unnamed = { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' };
const profile = { ...unnamed, name: 'Dev admin' };

/** Renders the list the popup shows for a configuration document, through validation and the popup's view. */
function renderProblems(local: unknown) {
  const view = buildPopupView(validateConfiguration(undefined, local), {}, Date.now());
  render(<ProblemList broken={view.broken} warnings={view.warnings} />);
  return screen.getByRole('region', { name: 'Needs fixing' });
}

describe('ProblemList', () => {
  it('names a broken provider and a broken profile by their name, with the id', () => {
    const problems = renderProblems({
      providers: [provider, { ...provider, id: 'old', name: 'Old SSO', issuer: 'ftp://idp.example.com' }],
      profiles: [profile, { ...profile, id: 'ops', name: 'Ops admin', roleArn: 'arn:aws:iam::1234:role/Ops' }],
    });
    const headings = within(problems).getAllByRole('heading', { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual(['Provider Old SSO (old)', 'Profile Ops admin (ops)']);
    expect(within(problems).getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'providers[1].issuer: must use https (plain http is allowed only for 127.0.0.1, localhost or [::1]) (got "ftp://idp.example.com")',
      'profiles[1].roleArn: account id must be 12 digits (got "1234")',
    ]);
  });

  it('names an entry without a name by its id alone', () => {
    const problems = renderProblems({ providers: [provider], profiles: [{ ...unnamed, roleArn: 'arn:aws:iam::1234:role/Dev' }] });
    expect(within(problems).getByRole('heading', { level: 3 })).toHaveTextContent(/^Profile dev$/);
  });

  it('names an entry by its id alone when its name is the id', () => {
    const problems = renderProblems({ providers: [provider], profiles: [{ ...profile, name: 'dev', roleArn: 'bad' }] });
    expect(within(problems).getByRole('heading', { level: 3 })).toHaveTextContent(/^Profile dev$/);
  });

  it('names an entry without an id by its name and its place in the document', () => {
    const problems = renderProblems({ providers: [provider], profiles: [{ ...profile, id: '' }] });
    expect(within(problems).getByRole('heading', { level: 3 })).toHaveTextContent(/^Profile Dev admin \(profiles\[0\]\)$/);
  });
});
