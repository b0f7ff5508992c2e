import { validateConfiguration } from '../../../src/config/validate-configuration';
import { alignWindowMs, planRefresh } from '../../../src/refresh/refresh-plan';
import { defaultSettings } from '../../../src/settings/refresh-settings';
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

  it('plans nothing for a provider that is not signed in', () => {
    const result = planRefresh(config, defaultSettings, { 'credentials/dev': sampleCredentials(now + 40 * min) }, now);
    expect(result.due).toEqual([]);
    expect(result.nextWakeActive).toBe(now + 40 * min);
  });
});
