import { buildPopupView, formatTimeLeft } from '../../../src/view/popup-view';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = 1_800_000_000_000;
const error = { code: 'STS_ACCESS_DENIED' as const, message: 'Not allowed', hint: 'Fix the trust policy.' };

describe('buildPopupView', () => {
  it('groups profiles under their provider, all signed out at first', () => {
    const view = buildPopupView(sampleConfig, {}, now);
    expect(view.providers.map((provider) => [provider.provider.id, provider.signedIn, provider.profiles.map((profile) => [profile.profile.id, profile.state.kind])])).toEqual([
      ['corp', false, [['dev', 'signed-out'], ['ops', 'signed-out']]],
      ['lab', false, []],
    ]);
    expect(view.empty).toBe(false);
  });

  it('shows valid credentials with the seconds left', () => {
    const credentials = sampleCredentials(now + 90_500);
    const view = buildPopupView(sampleConfig, { 'credentials/dev': credentials, 'provider-session/corp': {} }, now);
    expect(view.providers[0]?.signedIn).toBe(true);
    expect(view.providers[0]?.profiles[0]?.state).toEqual({ kind: 'valid', credentials, secondsLeft: 90 });
  });

  it('tells a profile with no credentials under a signed-in provider from one signed out', () => {
    const view = buildPopupView(sampleConfig, { 'credentials/dev': sampleCredentials(now + 90_500), 'provider-session/corp': {} }, now);
    expect(view.providers[0]?.profiles[1]).toMatchObject({ profile: { id: 'ops' }, state: { kind: 'no-credentials' } });
    expect(buildPopupView(sampleConfig, {}, now).providers[0]?.profiles[1]?.state).toEqual({ kind: 'signed-out' });
  });

  it('never shows credentials as valid at or after their expiry', () => {
    const view = buildPopupView(sampleConfig, { 'credentials/dev': sampleCredentials(now) }, now);
    expect(view.providers[0]?.profiles[0]?.state).toEqual({ kind: 'expired', expiredAt: now });
  });

  it('shows progress, then errors, with still-valid credentials keeping the last error beside them', () => {
    const busy = buildPopupView(sampleConfig, { 'profile-status/dev': { state: 'busy', step: 'Getting AWS credentials', updatedAt: now } }, now);
    expect(busy.providers[0]?.profiles[0]?.state).toEqual({ kind: 'busy', step: 'Getting AWS credentials' });

    const failed = buildPopupView(sampleConfig, { 'profile-status/dev': { state: 'error', error, updatedAt: now } }, now);
    expect(failed.providers[0]?.profiles[0]?.state).toEqual({ kind: 'error', error });

    const stillValid = buildPopupView(sampleConfig, { 'profile-status/dev': { state: 'error', error, updatedAt: now }, 'credentials/dev': sampleCredentials(now + 60_000) }, now);
    expect(stillValid.providers[0]?.profiles[0]).toMatchObject({ state: { kind: 'valid' }, lastError: error });
  });

  it('shows credentials the refresh schedule removed at expiry as expired, with its notice', () => {
    const notice = { code: 'CREDENTIALS_EXPIRED' as const, message: 'These credentials expired at 09:00.', hint: 'Click Refresh now to get new ones.' };
    const view = buildPopupView(sampleConfig, { 'profile-status/dev': { state: 'error', error: notice, updatedAt: now } }, now + 5_000);
    expect(view.providers[0]?.profiles[0]?.state).toEqual({ kind: 'expired', expiredAt: now, notice });
  });

  it('marks a profile as refreshing only for the sign-in it belongs to and for a while', () => {
    const signedIn = { 'provider-session/corp': { signedInAt: 5 }, 'credentials/dev': sampleCredentials(now + 600_000) };
    const refreshing = (session: Record<string, unknown>, at = now) => buildPopupView(sampleConfig, { ...signedIn, ...session }, at).providers[0]?.profiles[0]?.refreshing;
    expect(refreshing({ 'refreshing/dev': { signedInAt: 5, since: now - 1_000 } })).toBe(true);
    expect(refreshing({})).toBeUndefined();
    // Left over from an earlier sign-in, or by a worker stopped mid-refresh.
    expect(refreshing({ 'refreshing/dev': { signedInAt: 4, since: now - 1_000 } })).toBeUndefined();
    expect(refreshing({ 'refreshing/dev': { signedInAt: 5, since: now - 1_000 } }, now + 2 * 60_000)).toBeUndefined();
  });

  it('carries the provider sign-in progress and error', () => {
    const view = buildPopupView(sampleConfig, { 'provider-status/corp': { state: 'busy', step: 'Waiting for sign-in', updatedAt: now }, 'provider-status/lab': { state: 'error', error, updatedAt: now } }, now);
    expect(view.providers[0]?.busyStep).toBe('Waiting for sign-in');
    expect(view.providers[1]?.error).toEqual(error);
  });

  it('lists broken entries with every problem', () => {
    const view = buildPopupView(sampleConfig, {}, now);
    expect(view.broken).toEqual([
      { kind: 'profile', label: 'broken', source: 'local', problems: [expect.objectContaining({ path: 'profiles[2].roleArn', message: 'account id must be 12 digits (got "1234")' })] },
    ]);
  });

  it('is empty only when nothing at all is configured', () => {
    expect(buildPopupView({ providers: [], profiles: [], problems: [] }, {}, now).empty).toBe(true);
  });
});

describe('formatTimeLeft', () => {
  it.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h 00 min'],
    [43_199, '11 h 59 min'],
  ])('%i seconds read as %s', (seconds, text) => {
    expect(formatTimeLeft(seconds)).toBe(text);
  });
});
