/**
 * When renewal fails: the IdP wants the user, the session lifetime runs out, an answer is lost,
 * STS finds the token expired or refuses a role, another user signs in at the IdP, the IdP is
 * unreachable. Current credentials always stay until their real expiry.
 */
import { refreshAlarm } from '../../../src/refresh/reconcile';
import { ErrorCodes } from '../../../src/errors';
import { retryMaxDelayMs } from '../../../src/refresh/backoff';
import type { RetryRecord } from '../../../src/storage/records';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { runUntil, signIn, useLoopbackSts, world } from '../support/refresh-world';
import type { SimulatedBrowser } from '../support/simulated-browser';
import type { SimulatedIdp } from '../support/simulated-idp';
import { stsError } from '../support/sts-stand-in';

const at = (hours: number, minutes = 0) => Date.UTC(2030, 0, 7, hours, minutes);
const clock = (time: number) => new Date(time).toISOString().slice(11, 16);
const credentials = (browser: SimulatedBrowser, id: string) => browser.session.get(`credentials/${id}`) as ProfileCredentials | undefined;
const idpCalls = (idp: SimulatedIdp) => idp.requests.filter((request) => request.kind === 'token' || request.kind === 'authorize').map((request) => `${clock(request.at)} ${request.kind}${request.grant ? `:${request.grant}` : ''} ${request.outcome}`);

/** STS answers per role may be replaced by a test. */
const stsAnswers = new Map<string, () => ReturnType<typeof stsError> | undefined>();
const sts = useLoopbackSts(at(8), (request) => stsAnswers.get(request.params.get('RoleArn')?.split('/')[1] ?? '')?.());
beforeEach(() => stsAnswers.clear());

describe('when the IdP needs the user again', () => {
  it('says so once, keeps the credentials until they expire, stops asking the IdP, and recovers with one sign-in', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    const kept = credentials(browser, 'dev');
    corp.revokeGrants();
    corp.revokeSessions();
    await runUntil(browser, at(8, 55));
    expect(idpCalls(corp).slice(2)).toEqual(['08:55 token:refresh_token invalid_grant', '08:55 authorize login_required']);
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'needs-sign-in', error: { code: ErrorCodes.loginFailed, message: 'Corp SSO needs you to sign in again (login_required).' } });
    expect(browser.notifications.get('corp')).toEqual({ title: 'Sign in to Corp SSO', message: 'Corp SSO needs you to sign in again (login_required). Your AWS credentials stay valid until 09:00.' });
    expect(browser.session.get('provider-session/corp')).not.toHaveProperty('refreshToken');
    expect(credentials(browser, 'dev')).toEqual(kept);
    expect(browser.indicators.at(-1)).toMatchObject({ text: '5m', color: '#d91515' });
    expect(browser.indicators.at(-1)?.title).toContain('Corp SSO: session ended; sign in again');

    // Restarted workers and later alarms neither retry nor notify again; the credentials go at 09:00 sharp.
    browser.stopWorker();
    await runUntil(browser, at(9) - 1);
    expect(credentials(browser, 'dev')).toEqual(kept);
    await runUntil(browser, at(9, 30));
    expect(credentials(browser, 'dev')).toBeUndefined();
    expect(browser.session.get('profile-status/dev')).toMatchObject({ error: { code: ErrorCodes.credentialsExpired, hint: 'Sign in to Corp SSO to get new ones.' } });
    expect(idpCalls(corp)).toHaveLength(4);
    expect(browser.notificationLog).toHaveLength(1);

    await browser.clickNotification('corp');
    await browser.settle();
    expect(corp.prompts()).toBe(2);
    expect(credentials(browser, 'dev')?.expiration).toBe(at(10, 30));
    expect(browser.notifications.size).toBe(0);
    expect(browser.session.has('renewal/corp')).toBe(false);
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(10, 25));
  });

  it('asks for a new sign-in once the maximum session lifetime is reached, without calling the IdP', async () => {
    const { corp, browser } = world(sts.endpoint, { browser: { settings: { maxSessionHours: 1 } } });
    await signIn(browser, 'corp');
    await runUntil(browser, at(8, 55));
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
    await runUntil(browser, at(9, 50));
    expect(idpCalls(corp)).toEqual(['08:00 authorize ok', '08:00 token:authorization_code ok', '08:55 token:refresh_token ok']);
    expect(browser.session.get('renewal/corp')).toMatchObject({
      state: 'needs-sign-in',
      error: { code: ErrorCodes.sessionLifetimeReached, message: 'Your sign-in to Corp SSO reached the maximum session lifetime of 1 hours.' },
    });
    expect(browser.notifications.has('corp')).toBe(true);
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
  });

  it('does not take over a session another user signed in to at the IdP', async () => {
    const { lab, browser } = world(sts.endpoint);
    await signIn(browser, 'lab');
    lab.switchUser('mallory');
    await runUntil(browser, at(8, 55));
    expect(browser.session.get('renewal/lab')).toMatchObject({ state: 'needs-sign-in', error: { code: ErrorCodes.subjectChanged } });
    expect(browser.session.get('provider-session/lab')).toMatchObject({ subject: 'alice' });
    expect(credentials(browser, 'sandbox')?.expiration).toBe(at(9));
  });
});

describe('when an answer is lost or refused', () => {
  it('falls back to silent sign-in after a refresh token answer was lost, having sent that token only once before', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    corp.dropNextTokenAnswer();
    await runUntil(browser, at(8, 55));
    // The ID token had 5 minutes left: STS took it, so the outage of one answer costs nothing.
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'unreachable' });
    await runUntil(browser, at(9, 50));
    expect(idpCalls(corp).slice(2)).toEqual([
      '08:55 token:refresh_token ok',
      '09:50 token:refresh_token invalid_grant',
      '09:50 authorize ok',
      '09:50 token:authorization_code ok',
    ]);
    expect(corp.reusedRefreshTokens()).toBe(1);
    expect(corp.prompts()).toBe(1);
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'ok', method: 'silent-sign-in' });
    expect(credentials(browser, 'dev')?.expiration).toBe(at(10, 50));
  });

  it('renews the ID token and tries again once when STS finds it expired', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    let refusals = 1;
    stsAnswers.set('Dev', () => (refusals-- > 0 ? stsError('ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time') : undefined));
    jest.setSystemTime(at(8, 20));
    await browser.message((worker) => worker.refresh.refreshNow(['dev']));
    expect(idpCalls(corp).slice(2)).toEqual(['08:20 token:refresh_token ok', '08:20 token:refresh_token ok']);
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 20));
    expect(browser.session.get('profile-status/dev')).toMatchObject({ state: 'idle' });
  });

  it('shows each profile its own STS failure, while the profiles are retried together', async () => {
    const { browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    stsAnswers.set('Dev', () => stsError('Throttling', 'Rate exceeded', 400));
    stsAnswers.set('Ops', () => stsError('ServiceUnavailable', 'Service is unavailable', 503));
    await runUntil(browser, at(8, 55));
    expect(browser.session.get('profile-status/dev')).toMatchObject({ error: { code: ErrorCodes.stsThrottled } });
    expect(browser.session.get('profile-status/ops')).toMatchObject({ error: { code: ErrorCodes.stsUnavailable, message: expect.stringContaining('HTTP 503 (ServiceUnavailable)') } });
    expect(browser.session.get('refresh-retry/ops')).toEqual(browser.session.get('refresh-retry/dev'));
  });

  it('takes an STS failure at sign-in as the first attempt: the retry comes after the first backoff step, not at once', async () => {
    const { browser } = world(sts.endpoint);
    stsAnswers.set('Ops', () => stsError('ServiceUnavailable', 'Service is unavailable', 503));
    await signIn(browser, 'corp');
    const opsCalls = () => sts.log.filter((call) => call.profileRole.endsWith('/Ops')).length;
    const atSignIn = opsCalls();
    expect(browser.session.get('profile-status/ops')).toMatchObject({ state: 'error', error: { code: ErrorCodes.stsUnavailable } });
    stsAnswers.clear();
    await runUntil(browser, at(8) + 29_000);
    expect(opsCalls()).toBe(atSignIn);
    await runUntil(browser, at(8) + 31_000);
    expect(credentials(browser, 'ops')?.expiration).toBe(at(9) + 30_000);
    expect(browser.session.get('profile-status/ops')).toMatchObject({ state: 'idle' });
  });

  it('stops refreshing a role STS refuses, keeps the others, and tries it again on Refresh now', async () => {
    const { browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    expect(browser.session.get('diagnostics/profile/ops')).toEqual({ request: expect.objectContaining({ RoleArn: expect.stringMatching(/\/Ops$/) }), at: at(8) });
    stsAnswers.set('Ops', () => stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403));
    await runUntil(browser, at(8, 55));
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
    expect(browser.session.get('refresh-retry/ops')).toMatchObject({ halted: true, attempt: 1 });
    expect(browser.session.get('profile-status/ops')).toMatchObject({ error: { code: ErrorCodes.stsAccessDenied } });
    // Details describes the refresh's calls, the refused one with STS's answer, not the sign-in's.
    expect(browser.session.get('diagnostics/profile/ops')).toMatchObject({ at: at(8, 55), error: { code: 'AccessDenied', httpStatus: 403 } });
    expect(browser.session.get('diagnostics/profile/dev')).toEqual({ request: expect.objectContaining({ RoleArn: expect.stringMatching(/\/Dev$/) }), at: at(8, 55) });
    // And the claims of the renewed ID token, not the sign-in's.
    expect(browser.session.get('diagnostics/provider/corp')).toMatchObject({ verified: true, receivedAt: at(8, 55), claims: { sub: 'alice', iat: at(8, 55) / 1000 } });
    const calls = sts.log.filter((call) => call.profileRole.endsWith('/Ops')).length;
    await runUntil(browser, at(9, 50));
    expect(sts.log.filter((call) => call.profileRole.endsWith('/Ops'))).toHaveLength(calls);
    stsAnswers.delete('Ops');
    expect(await browser.message((worker) => worker.refresh.refreshNow(['ops']))).toEqual({ refreshed: 1, failed: 0 });
    expect(credentials(browser, 'ops')?.expiration).toBe(at(10, 50));
    expect(browser.session.has('refresh-retry/ops')).toBe(false);
  });
});

describe('when the IdP is unreachable', () => {
  it('retries with backoff and jitter, says when on the profile, and keeps the credentials until they really expire', async () => {
    const { corp, browser } = world(sts.endpoint, { corp: { idTokenSeconds: 1800 } });
    await signIn(browser, 'corp');
    corp.setUp(false);
    await runUntil(browser, at(8, 55));
    // The ID token expired at 08:30, so nothing can stand in for a renewal.
    const retry = browser.session.get('refresh-retry/dev') as RetryRecord;
    expect(retry).toMatchObject({ attempt: 1 });
    expect(retry.retryAt).toBeGreaterThanOrEqual(at(8, 55) + 30_000);
    expect(retry.retryAt).toBeLessThanOrEqual(at(8, 55) + 45_000);
    expect(browser.session.get('refresh-retry/ops')).toEqual(retry);
    expect(browser.session.get('profile-status/dev')).toMatchObject({
      error: { code: ErrorCodes.idpUnreachable, hint: `Check your network connection or VPN, then try again. Trying again automatically at ${clock(retry.retryAt ?? 0)}; the current credentials stay valid until 09:00.` },
    });
    expect(browser.indicators.at(-1)).toMatchObject({ color: '#8d6605' });

    await runUntil(browser, at(9, 10));
    const attempts = corp.requests.filter((request) => request.kind === 'discovery' && request.outcome === 'down').map((request) => request.at);
    const gaps = attempts.slice(1).map((time, index) => time - (attempts[index] ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    gaps.forEach((gap) => expect(gap).toBeGreaterThanOrEqual(30_000));
    gaps.forEach((gap) => expect(gap).toBeLessThanOrEqual(retryMaxDelayMs));
    expect(credentials(browser, 'dev')).toBeUndefined();

    corp.setUp(true);
    await runUntil(browser, at(9, 10) + retryMaxDelayMs);
    expect(credentials(browser, 'dev')?.expiration).toBeGreaterThan(at(10, 10));
    expect(browser.session.has('refresh-retry/dev')).toBe(false);
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'ok' });
  });
});
