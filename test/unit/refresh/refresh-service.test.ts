/**
 * The refresh service in a simulated browser: schedule, sharing, parallelism, sign-out, restarts,
 * idle and settings. The IdPs are simulated; STS is the SDK against a loopback stand-in.
 */
import { refreshAlarm } from '../../../src/refresh/reconcile';
import { ErrorCodes } from '../../../src/errors';
import { buildPopupView } from '../../../src/view/popup-view';
import { profileStatus } from '../../../src/view/profile-status';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { runUntil, signIn, startGatedSts, useLoopbackSts, world, worldDocument } from '../support/refresh-world';
import type { SimulatedBrowser } from '../support/simulated-browser';
import type { SimulatedIdp } from '../support/simulated-idp';
import { rejection } from '../support/rejection';

const at = (hours: number, minutes = 0) => Date.UTC(2030, 0, 7, hours, minutes);
const clock = (time: number) => new Date(time).toISOString().slice(11, 16);
const credentials = (browser: SimulatedBrowser, id: string) => browser.session.get(`credentials/${id}`) as ProfileCredentials | undefined;
const tokenGrants = (idp: SimulatedIdp) => idp.requests.filter((request) => request.kind === 'token').map((request) => `${clock(request.at)} ${request.grant}`);

const sts = useLoopbackSts(at(8));

describe('the refresh schedule', () => {
  it('renews at expiry minus the margin through the refresh token, in a worker started by the alarm, without a prompt', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    const first = credentials(browser, 'dev');
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(8, 55));
    browser.stopWorker();
    await runUntil(browser, at(8, 55));
    expect(browser.workerStarts()).toBeGreaterThan(1);
    expect(credentials(browser, 'dev')?.accessKeyId).not.toBe(first?.accessKeyId);
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
    expect(tokenGrants(corp)).toEqual(['08:00 authorization_code', '08:55 refresh_token']);
    expect(corp.prompts()).toBe(1);
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'ok', method: 'refresh-token', at: at(8, 55) });
    // Next: the unpinned profile's credentials expire (and go), then dev and ops are due again.
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(9));
    await runUntil(browser, at(9));
    expect(credentials(browser, 'audit')).toBeUndefined();
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(9, 50));
    expect(browser.errors).toEqual([]);
  });

  it('renews through prompt=none when the provider issued no refresh token', async () => {
    const { lab, browser } = world(sts.endpoint);
    await signIn(browser, 'lab');
    await runUntil(browser, at(8, 55));
    expect(lab.requests.filter((request) => request.kind === 'authorize').map((request) => `${clock(request.at)} ${request.interactive}`)).toEqual(['08:00 true', '08:55 false']);
    expect(credentials(browser, 'sandbox')?.expiration).toBe(at(9, 55));
    expect(browser.session.get('renewal/lab')).toMatchObject({ state: 'ok', method: 'silent-sign-in' });
  });

  it('shares one token renewal and one STS call per profile between the alarm, the popup and the shortcut', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    const before = sts.log.length;
    jest.setSystemTime(at(8, 55));
    browser.fireDueAlarms();
    const outcomes = await Promise.all([browser.message((worker) => worker.refresh.refreshNow(['dev'])), browser.message((worker) => worker.refresh.refreshNow())]);
    await browser.settle();
    expect(tokenGrants(corp)).toEqual(['08:00 authorization_code', '08:55 refresh_token']);
    expect(corp.maxConcurrentTokenRequests()).toBe(1);
    expect(sts.log.slice(before).map((call) => call.profileRole.split('/')[1]).sort()).toEqual(['Audit', 'Dev', 'Ops']);
    expect(outcomes).toEqual([{ refreshed: 1, failed: 0 }, { refreshed: 3, failed: 0 }]);
  });

  it('reuses an ID token with enough life left instead of asking the IdP again', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    jest.setSystemTime(at(8, 30));
    await browser.message((worker) => worker.refresh.refreshNow(['ops']));
    await runUntil(browser, at(8, 55));
    expect(tokenGrants(corp)).toEqual(['08:00 authorization_code', '08:30 refresh_token']);
    expect(credentials(browser, 'dev')?.expiration).toBe(at(9, 55));
    expect(credentials(browser, 'ops')?.expiration).toBe(at(9, 30));
  });

  it('runs at most six STS calls of a provider at once', async () => {
    const gated = await startGatedSts();
    try {
      const base = worldDocument(gated.endpoint);
      const profiles = Array.from({ length: 10 }, (_value, index) => ({ id: `p${index}`, provider: 'corp', roleArn: `arn:aws:iam::111111111111:role/R${index}`, stsEndpoint: gated.endpoint }));
      const { browser } = world(gated.endpoint, { browser: { document: { providers: base.providers, profiles } } });
      await signIn(browser, 'corp');
      await browser.message((worker) => worker.refresh.refreshNow());
      expect(gated.received()).toBe(20);
      expect(gated.maxOpen()).toBe(6);
    } finally {
      await gated.close();
    }
  });
});

describe('sign-out and restarts', () => {
  it('keeps nothing from a refresh that was in flight at sign-out, and stops every alarm', async () => {
    const gated = await startGatedSts();
    try {
      const { browser } = world(gated.endpoint);
      await signIn(browser, 'corp');
      gated.hold();
      const refreshing = browser.message((worker) => worker.refresh.refreshNow());
      while (gated.received() < 6) await new Promise((resolve) => setTimeout(resolve, 5));
      await browser.message((worker) => worker.signIn.signOut());
      gated.release();
      await refreshing;
      await browser.settle();
      expect([...browser.session.keys()].filter((key) => /^(credentials|provider-session|refreshing)\//.test(key))).toEqual([]);
      expect([...browser.alarms.keys()]).toEqual([]);
      expect(browser.indicators.at(-1)).toMatchObject({ text: '' });
      expect(browser.local.get('signed-in-providers')).toEqual([]);
    } finally {
      await gated.close();
    }
  });

  it('keeps the schedule of the providers still signed in', async () => {
    const { browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    await signIn(browser, 'lab');
    await runUntil(browser, at(8, 55));
    await browser.message((worker) => worker.signIn.signOut('corp'));
    await browser.settle();
    expect(browser.session.has('renewal/corp')).toBe(false);
    expect(browser.session.has('renewal/lab')).toBe(true);
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(9, 50));
    expect(browser.indicators.at(-1)?.title).not.toContain('Corp SSO');
  });

  it('says after a browser restart that the session is gone, until the next sign-in', async () => {
    const { browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    expect(browser.local.get('signed-in-providers')).toEqual(['corp']);
    browser.restartBrowser();
    await browser.settle();
    const config = validateConfiguration(undefined, worldDocument(sts.endpoint));
    const view = buildPopupView(config, Object.fromEntries(browser.session), Date.now());
    expect(view.providers.map((provider) => [provider.provider.id, provider.renewal?.status])).toEqual([['corp', 'cleared'], ['lab', 'signed-out']]);
    expect(browser.indicators.at(-1)).toMatchObject({ text: '!', color: '#d91515' });
    expect(browser.alarms.size).toBe(0);
    await signIn(browser, 'corp');
    expect(browser.session.has('renewal/corp')).toBe(false);
    expect(browser.indicators.at(-1)?.text).toBe('60m');
  });
});

describe('while the user is away', () => {
  it('refreshes nothing, removes credentials the moment they expire, and catches up the moment the user is back', async () => {
    const { corp, browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    const calls = () => corp.requests.length + sts.log.length;
    jest.setSystemTime(at(8, 50));
    browser.setIdleState('idle');
    const before = calls();
    await runUntil(browser, at(9) - 1);
    expect(credentials(browser, 'dev')).toBeDefined();
    await runUntil(browser, at(9));
    expect(credentials(browser, 'dev')).toBeUndefined();
    expect(browser.session.get('profile-status/dev')).toMatchObject({
      state: 'error',
      error: { code: ErrorCodes.credentialsExpired, message: 'These credentials expired at 09:00.', hint: 'New ones come as soon as you are back at the browser.' },
    });
    expect(browser.indicators.at(-1)).toMatchObject({ text: '!', color: '#d91515' });
    await runUntil(browser, at(9, 20));
    expect(calls()).toBe(before);
    browser.setIdleState('active');
    await browser.settle();
    expect(credentials(browser, 'dev')?.expiration).toBe(at(10, 20));
    expect(browser.session.get('profile-status/dev')).toMatchObject({ state: 'idle' });
  });

  it('applies the settings: the margin moves the schedule and the idle threshold reaches the idle API', async () => {
    const { browser } = world(sts.endpoint);
    await signIn(browser, 'corp');
    expect(browser.detectionSeconds()).toBe(600);
    browser.setSettings({ refreshMarginMinutes: 15, idleThresholdMinutes: 3 });
    await browser.settle();
    expect(browser.detectionSeconds()).toBe(180);
    expect(browser.alarms.get(refreshAlarm)?.scheduledTime).toBe(at(8, 45));
  });
});

describe('Refresh now', () => {
  it('shows the profile as refreshing in the popup while its refresh is under way, over the credentials it still has', async () => {
    const gated = await startGatedSts();
    try {
      const { browser } = world(gated.endpoint);
      await signIn(browser, 'corp');
      const config = validateConfiguration(undefined, worldDocument(gated.endpoint), [new URL(gated.endpoint).origin]);
      const card = (id: string) => buildPopupView(config, Object.fromEntries(browser.session), Date.now()).providers[0]?.profiles.find((profile) => profile.profile.id === id);
      expect(card('dev')?.refreshing).toBeUndefined();
      gated.hold();
      const received = gated.received();
      const refreshing = browser.message((worker) => worker.refresh.refreshNow(['dev']));
      while (gated.received() === received) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(card('dev')).toMatchObject({ refreshing: true, state: { kind: 'valid' } });
      expect(profileStatus(card('dev')!)).toEqual({ tone: 'refreshing', text: 'Refreshing, 1 h 00 min left' });
      expect(card('ops')?.refreshing).toBeUndefined();
      gated.release();
      await refreshing;
      expect(browser.session.has('refreshing/dev')).toBe(false);
      expect(profileStatus(card('dev')!).tone).toBe('valid');
    } finally {
      gated.release();
      await gated.close();
    }
  });

  it('names what it cannot refresh', async () => {
    const { browser } = world(sts.endpoint);
    expect((await rejection(browser.message((worker) => worker.refresh.refreshNow()))).code).toBe(ErrorCodes.notSignedIn);
    await signIn(browser, 'corp');
    const unknown = await rejection(browser.message((worker) => worker.refresh.refreshNow(['nope'])));
    expect(unknown.message).toBe('No usable profile has id "nope".');
    expect(await browser.message((worker) => worker.refresh.refreshNow(['dev', 'sandbox']))).toEqual({ refreshed: 1, failed: 1 });
    browser.errors.length = 0;
  });
});
