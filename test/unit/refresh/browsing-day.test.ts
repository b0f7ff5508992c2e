/**
 * A simulated browsing day: 24 hours on a fake clock, 1-hour credentials and ID tokens, the
 * service worker stopped every few minutes (each event then starts a fresh one that rebuilds
 * everything from storage), a lunch break, a coffee break and a night away, a 10-minute IdP
 * outage, 10 minutes of STS throttling, and an IdP session that ends overnight.
 *
 * Stated bounds, derived from the design rather than measured: a profile is refreshed at most
 * twice in a clock hour (credentials last 60 minutes, renewal comes 5 minutes early), and a
 * disruption of 10 minutes adds at most 7 attempts (retries wait at least 30, 60, then 120 s).
 * So per provider and hour at most 9 renewals (token requests or silent sign-ins), and per
 * profile and hour at most 9 AssumeRoleWithWebIdentity calls, each at most 3 HTTP requests
 * because the AWS SDK retries throttling itself.
 *
 * WIC_SIM_REPORT=1 prints the measured figures, WIC_SIM_TIMELINE=1 every call made.
 */
import { refreshAlarm } from '../../../src/refresh/reconcile';
import { retryMaxDelayMs } from '../../../src/refresh/backoff';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import type { SimulatedBrowser } from '../support/simulated-browser';
import type { SimulatedIdp } from '../support/simulated-idp';
import { fakeClock, startSts, throttled, world } from '../support/refresh-world';

jest.setTimeout(180_000);

const minute = 60_000;
const hour = 60 * minute;
const day = Date.UTC(2030, 0, 7);
const at = (hours: number, minutes = 0) => day + hours * hour + minutes * minute;
const clock = (time: number) => new Date(time).toISOString().slice(11, 16);

const renewalsPerProviderHour = 9;
const callsPerProfileHour = 9;
const httpPerCall = 3;

/** When the user is at the browser, and when the idle API (10-minute threshold) says they are not. */
const away = [
  { leave: at(12), back: at(13) },
  { leave: at(14, 30), back: at(14, 45) },
  { leave: at(18), back: at(24 + 7, 30) },
];
const idleThreshold = 10 * minute;
const outage = { from: at(10, 40), to: at(10, 50) };
const throttling = { from: at(15, 40), to: at(15, 50) };
const end = at(24 + 8);

const present = (time: number) => !away.some(({ leave, back }) => time >= leave && time < back);
const apiIdle = (time: number) => away.some(({ leave, back }) => time >= leave + idleThreshold && time < back);

interface Event {
  at: number;
  run(): void | Promise<unknown>;
}

function scenario(browser: SimulatedBrowser, corp: SimulatedIdp, lab: SimulatedIdp, restartEvery: () => number): Event[] {
  const events: Event[] = [
    { at: at(7, 55), run: () => browser.restartBrowser() },
    { at: at(8), run: () => browser.message((worker) => Promise.all([worker.signIn.signIn('corp'), worker.signIn.signIn('lab')])) },
    { at: outage.from, run: () => [corp, lab].forEach((idp) => idp.setUp(false)) },
    { at: outage.to, run: () => [corp, lab].forEach((idp) => idp.setUp(true)) },
    // The user sees the notification of the morning and clicks its Sign in.
    { at: at(24 + 7, 31), run: () => browser.clickNotification('lab') },
  ];
  for (const { leave, back } of away) {
    events.push({ at: leave + idleThreshold, run: () => browser.setIdleState('idle') });
    events.push({ at: back, run: () => browser.setIdleState('active') });
  }
  for (let time = at(8) + restartEvery(); time < end; time += restartEvery()) events.push({ at: time, run: () => browser.stopWorker() });
  return events.sort((a, b) => a.at - b.at);
}

describe('a simulated browsing day', () => {
  it('keeps every pinned profile valid while the user works, calls nothing while away, within the stated bounds', async () => {
    const sts = await startSts(() => {
      const now = Date.now();
      return now >= throttling.from && now < throttling.to ? throttled() : undefined;
    });
    fakeClock(at(7, 55));
    try {
      const { corp, lab, browser } = world(sts.endpoint, { lab: { sessionSeconds: 12 * 3600 }, browser: { seed: 7 } });
      const random = (() => {
        let seed = 11;
        return () => ((seed = (seed * 16807) % 2147483647) % 5) + 3;
      })();
      const events = scenario(browser, corp, lab, () => random() * minute);
      const gaps: string[] = [];
      const lapses: string[] = [];
      let samples = 0;

      const check = (time: number) => {
        samples += 1;
        const credentials = (id: string) => browser.session.get(`credentials/${id}`) as ProfileCredentials | undefined;
        // Removed the moment they expire: nothing expired is ever stored.
        for (const [key, value] of browser.session) {
          if (key.startsWith('credentials/') && (value as ProfileCredentials).expiration <= time) lapses.push(`${clock(time)} ${key} expired but stored`);
        }
        if (!browser.session.has('provider-session/corp')) return;
        const pinned = [
          { id: 'dev', idp: corp },
          { id: 'ops', idp: corp },
          { id: 'sandbox', idp: lab },
        ];
        const stsDisrupted = time >= throttling.from && time < throttling.to + retryMaxDelayMs;
        for (const { id, idp } of pinned) {
          const valid = (credentials(id)?.expiration ?? 0) > time;
          // The IdP allows: it is up and, for silent sign-in, its session lives.
          const idpAllows = idp.isUp() && (idp === corp || idp.sessionAlive());
          if (present(time) && idpAllows && !stsDisrupted && !valid) gaps.push(`${clock(time)} ${id}`);
        }
        // No alarm lost: the schedule always wakes before the first expiry.
        const expirations = [...browser.session].filter(([key]) => key.startsWith('credentials/')).map(([, value]) => (value as ProfileCredentials).expiration);
        const refresh = browser.alarms.get(refreshAlarm);
        if (expirations.length && !(refresh && refresh.scheduledTime <= Math.min(...expirations))) lapses.push(`${clock(time)} no refresh alarm before ${clock(Math.min(...expirations))}`);
        const badge = browser.indicators.at(-1)?.text ?? '';
        const anyValid = pinned.some(({ id }) => (credentials(id)?.expiration ?? 0) > time);
        if (!anyValid && /\dm$/.test(badge)) lapses.push(`${clock(time)} badge ${badge} without valid credentials`);
      };

      let nextSample = at(8);
      while (Date.now() < end) {
        const next = Math.min(events[0]?.at ?? Infinity, browser.nextAlarm() ?? Infinity, nextSample);
        jest.setSystemTime(next);
        while (events[0] && events[0].at <= next) await events.shift()?.run();
        await browser.settle();
        for (let round = 0; browser.fireDueAlarms().length; round += 1) {
          if (round > 20) throw new Error(`alarms keep firing at ${clock(next)}`);
          await browser.settle();
        }
        if (next === nextSample) {
          check(next);
          nextSample += minute;
        }
      }

      if (process.env.WIC_SIM_TIMELINE) {
        for (const idp of [corp, lab]) console.log(idp.issuer, idp.requests.filter((r) => r.kind !== 'discovery' && r.kind !== 'keys').map((r) => `${clock(r.at)} ${r.kind}${r.grant ? `:${r.grant}` : ''}${r.interactive ? ':interactive' : ''} ${r.outcome}`).join('\n'));
        console.log(sts.log.map((c) => `${clock(c.at)} ${c.profileRole.split('/')[1]} ${c.outcome}`).join('\n'));
      }
      expect(browser.errors).toEqual([]);
      expect(gaps).toEqual([]);
      expect(lapses).toEqual([]);
      expect(samples).toBeGreaterThanOrEqual(24 * 60);
      // Stopped every 3 to 7 minutes; a fresh worker started for the next event (none come at night).
      expect(browser.workerStarts()).toBeGreaterThan(100);

      // Nothing was called while the idle API said the user was away.
      const idleCalls = [...corp.requests, ...lab.requests, ...sts.log].filter((request) => apiIdle(request.at));
      expect(idleCalls).toEqual([]);

      // The disruptions really happened and were ridden out.
      expect(corp.requests.filter((request) => request.outcome === 'down').length).toBeGreaterThan(0);
      expect(sts.log.filter((call) => call.outcome === 'throttled').length).toBeGreaterThan(0);

      // One prompt each in the morning; the lab IdP's session ended overnight, so one more, asked for once.
      expect(corp.prompts()).toBe(1);
      expect(lab.prompts()).toBe(2);
      expect(browser.notificationLog.map((entry) => [clock(entry.at), entry.providerId])).toEqual([['07:30', 'lab']]);
      expect(browser.notifications.size).toBe(0);
      expect(corp.reusedRefreshTokens()).toBe(0);
      expect(corp.maxConcurrentTokenRequests()).toBe(1);

      // The unpinned profile got credentials at sign-in only.
      expect(sts.log.filter((call) => call.profileRole.endsWith('/Audit')).map((call) => clock(call.at))).toEqual(['08:00']);

      // Calls per clock hour, within the stated bounds.
      const perHour = <T extends { at: number }>(entries: T[], key: (entry: T) => string) => {
        const counts = new Map<string, number>();
        for (const entry of entries) {
          const bucket = `${key(entry)} ${Math.floor((entry.at - day) / hour)}`;
          counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
        }
        return Math.max(...counts.values());
      };
      const renewals = [corp, lab].flatMap((idp) => idp.requests.filter((request) => request.kind === 'token' || request.kind === 'authorize').map((request) => ({ ...request, idp: idp.issuer })));
      const maxRenewals = perHour(renewals, (request) => request.idp);
      const maxStsHttp = perHour(sts.log, (call) => call.profileRole);
      expect(maxRenewals).toBeLessThanOrEqual(renewalsPerProviderHour);
      expect(maxStsHttp).toBeLessThanOrEqual(callsPerProfileHour * httpPerCall);
      if (process.env.WIC_SIM_REPORT) {
        console.log(JSON.stringify({ samples, workerStarts: browser.workerStarts(), idpRequests: corp.requests.length + lab.requests.length, stsRequests: sts.log.length, maxRenewals, maxStsHttp }));
      }
    } finally {
      jest.useRealTimers();
      await sts.close();
    }
  });
});
