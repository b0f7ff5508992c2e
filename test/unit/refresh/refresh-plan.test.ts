import { validateConfiguration } from '../../../src/config/validate-configuration';
import { alignWindowMs, planRefresh } from '../../../src/refresh/refresh-plan';
import { defaultSettings } from '../../../src/config/refresh-settings';
import { sampleCredentials } from '../support/fixtures';

const config = validateConfiguration(undefined, {
  providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
  profiles: [
    { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
    { id: 'ops', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Ops' },
    { id: 'audit', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Audit', pinned: false },
  ],
});
const now = 1_900_000_000_000;
const min = 60_000;
const signedIn = { 'provider-session/corp': { idToken: 'h.p.s', idTokenExpiresAt: now + 60 * min, subject: 's', signedInAt: now - 30 * min } };
const plan = (session: Record<string, unknown>, at = now, settings = defaultSettings) => planRefresh(config, settings, { ...signedIn, ...session }, at);
const ids = (profiles: { id: string }[]) => profiles.map((profile) => profile.id);

describe('planRefresh', () => {
  it('wakes at expiry minus the margin for pinned profiles, and at expiry for the others', () => {
    const result = plan({ 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/audit': sampleCredentials(now + 20 * min), 'credentials/ops': sampleCredentials(now + 50 * min) });
    expect(result.due).toEqual([]);
    expect(result.nextWakeActive).toBe(now + 20 * min);
    expect(plan({ 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/ops': sampleCredentials(now + 50 * min) }).nextWakeActive).toBe(now + 35 * min);
    expect(plan({ 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/ops': sampleCredentials(now + 50 * min) }, now, { ...defaultSettings, refreshMarginMinutes: 15 }).nextWakeActive).toBe(now + 25 * min);
  });

  it('wakes only for expiries while the user is away', () => {
    const result = plan({ 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/ops': sampleCredentials(now + 50 * min) });
    expect(result.nextWakeIdle).toBe(now + 40 * min);
  });

  it('takes along the profiles of the same provider due within the window, so they share one token', () => {
    const result = plan({ 'credentials/dev': sampleCredentials(now + 5 * min), 'credentials/ops': sampleCredentials(now + 5 * min + alignWindowMs - 1), 'credentials/audit': sampleCredentials(now + 6 * min) });
    expect(ids(result.due)).toEqual(['dev', 'ops']);
    expect(ids(plan({ 'credentials/dev': sampleCredentials(now + 5 * min), 'credentials/ops': sampleCredentials(now + 5 * min + alignWindowMs + 1) }).due)).toEqual(['dev']);
  });

  it('lists expired credentials of every profile, pinned or not', () => {
    const result = plan({ 'credentials/dev': sampleCredentials(now), 'credentials/audit': sampleCredentials(now - 1), 'credentials/ops': sampleCredentials(now + 1) });
    expect(result.expired.sort()).toEqual(['audit', 'dev']);
  });

  it('never refreshes sooner than a minute after issue, whatever the margin', () => {
    const short = sampleCredentials(now + 15 * min, { issuedAt: now });
    expect(plan({ 'credentials/dev': short, 'credentials/ops': short }, now, { ...defaultSettings, refreshMarginMinutes: 30 }).nextWakeActive).toBe(now + min);
  });

  it('follows a retry time, and stops for a halted profile or a provider that needs the user', () => {
    const credentials = { 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/ops': sampleCredentials(now + 50 * min) };
    const signedInAt = signedIn['provider-session/corp'].signedInAt;
    expect(plan({ ...credentials, 'refresh-retry/dev': { signedInAt, attempt: 1, retryAt: now + 2 * min } }).nextWakeActive).toBe(now + 2 * min);
    expect(plan({ ...credentials, 'refresh-retry/dev': { signedInAt, attempt: 1, halted: true } }).nextWakeActive).toBe(now + 40 * min);
    const blocked = plan({ ...credentials, 'renewal/corp': { state: 'needs-sign-in', at: now, signedInAt } });
    expect(blocked.nextWakeActive).toBe(now + 40 * min);
  });

  it('ignores records of an earlier sign-in', () => {
    const result = plan({ 'credentials/dev': sampleCredentials(now + 40 * min), 'credentials/ops': sampleCredentials(now + 50 * min), 'renewal/corp': { state: 'needs-sign-in', at: now, signedInAt: 1 } });
    expect(result.nextWakeActive).toBe(now + 35 * min);
  });

  it('wants credentials at once for a pinned profile without any, unless STS refused it for good', () => {
    expect(ids(plan({ 'credentials/ops': sampleCredentials(now + 50 * min) }).due)).toEqual(['dev']);
    const refused = { state: 'error', error: { code: 'STS_ACCESS_DENIED', message: 'Not allowed' }, updatedAt: now };
    expect(ids(plan({ 'credentials/ops': sampleCredentials(now + 50 * min), 'profile-status/dev': refused }).due)).toEqual([]);
  });

  it('leaves a profile to the sign-in getting its credentials, and retries one whose sign-in STS failed on its side only after the first backoff step', () => {
    const credentials = { 'credentials/ops': sampleCredentials(now + 50 * min) };
    const busy = { state: 'busy', step: 'Getting AWS credentials', updatedAt: now - 1_000 };
    expect(plan({ ...credentials, 'profile-status/dev': busy })).toMatchObject({ due: [], nextWakeActive: now + 45 * min });
    const unavailable = { state: 'error', error: { code: 'STS_UNAVAILABLE', message: 'STS failed with HTTP 503' }, updatedAt: now - 10_000 };
    expect(plan({ ...credentials, 'profile-status/dev': unavailable })).toMatchObject({ due: [], nextWakeActive: now + 20_000 });
    expect(ids(plan({ ...credentials, 'profile-status/dev': unavailable }, now + 20_000).due)).toEqual(['dev']);
    // Right after a sign-in, a profile without credentials or status is the sign-in's to serve.
    const justSignedIn = { 'provider-session/corp': { ...signedIn['provider-session/corp'], signedInAt: now - 1_000 } };
    expect(plan({ ...credentials, ...justSignedIn })).toMatchObject({ due: [], nextWakeActive: now + 59_000 });
    // Credentials the schedule removed at expiry are wanted again at once.
    const expired = { state: 'error', error: { code: 'CREDENTIALS_EXPIRED', message: 'These credentials expired at 09:00.' }, updatedAt: now - 10_000 };
    expect(ids(plan({ ...credentials, 'profile-status/dev': expired }).due)).toEqual(['dev']);
  });

  it('plans nothing for a provider that is not signed in', () => {
    const result = planRefresh(config, defaultSettings, { 'credentials/dev': sampleCredentials(now + 40 * min) }, now);
    expect(result.due).toEqual([]);
    expect(result.nextWakeActive).toBe(now + 40 * min);
  });
});
