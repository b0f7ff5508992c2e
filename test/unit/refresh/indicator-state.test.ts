import { validateConfiguration } from '../../../src/config/validate-configuration';
import { badgeText, indicatorColors, indicatorState } from '../../../src/refresh/indicator-state';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = 1_900_000_000_000;
const min = 60_000;
const clock = (time: number) => new Date(time).toISOString().slice(11, 16);
const session = { idToken: 'h.p.s', idTokenExpiresAt: now + 3_600_000, subject: 's', signedInAt: now - 30 * min };
const state = (items: Record<string, unknown>, config = sampleConfig) => indicatorState(config, items, now, clock);

describe('indicatorState', () => {
  it('shows nothing while nobody is signed in', () => {
    expect(state({})).toEqual({ text: '', color: indicatorColors.none, title: 'Web Identity Credentials\nNot signed in' });
  });

  it('counts the minutes of the soonest-expiring pinned profile, green while all is well', () => {
    const result = state({ 'provider-session/corp': session, 'credentials/dev': sampleCredentials(now + 42 * min + 59_000), 'credentials/ops': sampleCredentials(now + 50 * min) });
    expect(result).toEqual({
      text: '42m',
      color: indicatorColors.ok,
      title: ['Web Identity Credentials', `Dev admin: valid until ${clock(now + 42 * min + 59_000)}`, `Ops: valid until ${clock(now + 50 * min)}`, `Corp SSO: signed in at ${clock(now - 30 * min)}`].join('\n'),
    });
  });

  it('goes red when a pinned profile lacks credentials or the IdP wants the user, and says which', () => {
    const missing = state({ 'provider-session/corp': session, 'credentials/dev': sampleCredentials(now + 42 * min) });
    expect(missing).toMatchObject({ text: '42m', color: indicatorColors.bad });
    expect(missing.title).toContain('Ops: no valid credentials');
    const ended = state({ 'provider-session/corp': session, 'credentials/dev': sampleCredentials(now + 9 * min), 'credentials/ops': sampleCredentials(now + 9 * min), 'renewal/corp': { state: 'needs-sign-in', at: now, signedInAt: session.signedInAt } });
    expect(ended).toMatchObject({ text: '9m', color: indicatorColors.bad });
    expect(ended.title).toContain('Corp SSO: session ended; sign in again');
    expect(state({ 'provider-session/corp': session }).text).toBe('!');
  });

  it('goes amber while renewal is retrying, and tells whether the IdP session is alive', () => {
    const items = { 'provider-session/corp': session, 'credentials/dev': sampleCredentials(now + 3 * min), 'credentials/ops': sampleCredentials(now + 50 * min) };
    const retrying = state({ ...items, 'renewal/corp': { state: 'unreachable', at: now - min, signedInAt: session.signedInAt } });
    expect(retrying).toMatchObject({ text: '3m', color: indicatorColors.warn });
    expect(retrying.title).toContain(`Corp SSO: not reachable at ${clock(now - min)}; retrying`);
    const alive = state({ ...items, 'renewal/corp': { state: 'ok', at: now - 2 * min, signedInAt: session.signedInAt, method: 'refresh-token' } });
    expect(alive).toMatchObject({ color: indicatorColors.ok });
    expect(alive.title).toContain(`Corp SSO: session alive, renewed at ${clock(now - 2 * min)}`);
  });

  it('lists profiles that are not pinned in the title only', () => {
    const config = validateConfiguration(undefined, {
      providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }],
      profiles: [{ id: 'dev', name: 'Dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', pinned: false }],
    });
    const result = state({ 'provider-session/corp': session, 'credentials/dev': sampleCredentials(now + 5 * min) }, config);
    expect(result.text).toBe('');
    expect(result.title).toContain(`Dev: valid until ${clock(now + 5 * min)}`);
  });

  it('fits the badge: minutes below 100, hours beyond', () => {
    expect([0, 59_999, 99 * min + 59_999, 100 * min, 12 * 60 * min].map(badgeText)).toEqual(['0m', '0m', '99m', '1h', '12h']);
  });
});
