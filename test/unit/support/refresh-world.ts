/**
 * A small world for refresh tests: two simulated IdPs (one issuing refresh tokens, one renewing
 * only by silent sign-in), the STS stand-in, and a simulated browser with their configuration.
 * Only `Date` is faked, so the stand-in's sockets and the SDK's own timers run for real while
 * the clock jumps wherever the test sends it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigDocument } from '../../../src/config/types';
import { simulatedBrowser } from './simulated-browser';
import type { SimulatedBrowser } from './simulated-browser';
import type { SimulatedBrowserOptions } from './simulated-browser';
import { simulatedIdp } from './simulated-idp';
import type { SimulatedIdpOptions } from './simulated-idp';
import { startStsStandIn, stsCredentials, stsError } from './sts-stand-in';
import type { StsAnswer, StsRequest } from './sts-stand-in';

export const redirectUri = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';

/** Fakes only the clock. */
export function fakeClock(start: number): void {
  jest.useFakeTimers({
    now: start,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

/** STS on loopback: credentials for an hour with a fresh access key each time, or what `override` says. */
export async function startSts(override?: (request: StsRequest) => StsAnswer | undefined) {
  let issued = 0;
  const log: { at: number; profileRole: string; outcome: 'ok' | 'throttled' | 'refused' }[] = [];
  const stand = await startStsStandIn((request) => {
    const role = request.params.get('RoleArn') ?? '';
    const answer = override?.(request);
    if (answer) {
      log.push({ at: Date.now(), profileRole: role, outcome: answer.body.includes('Throttling') ? 'throttled' : 'refused' });
      return answer;
    }
    issued += 1;
    log.push({ at: Date.now(), profileRole: role, outcome: 'ok' });
    const seconds = Number(request.params.get('DurationSeconds') ?? 3600);
    return stsCredentials(role, request.params.get('RoleSessionName') ?? 'x', seconds, `ASIASIM${String(issued).padStart(13, '0')}`);
  });
  return { ...stand, log };
}

/**
 * The STS stand-in for a whole test file, started once, and the fake clock set to `clockStart`
 * before each test. The returned handle is filled in before the first test runs.
 */
export function useLoopbackSts(clockStart: number, override?: (request: StsRequest) => StsAnswer | undefined): Awaited<ReturnType<typeof startSts>> {
  const sts = {} as Awaited<ReturnType<typeof startSts>>;
  beforeAll(async () => {
    Object.assign(sts, await startSts(override));
  });
  afterAll(() => sts.close());
  beforeEach(() => fakeClock(clockStart));
  afterEach(() => jest.useRealTimers());
  return sts;
}

/**
 * STS on loopback that takes its time (20 ms) or holds every answer until released, counting how
 * many requests are open at once.
 */
export async function startGatedSts() {
  let open = 0;
  let maxOpen = 0;
  let received = 0;
  let held = false;
  const waiting: (() => void)[] = [];
  const server = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      received += 1;
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      const params = new URLSearchParams(body);
      const respond = () => {
        open -= 1;
        const answer = stsCredentials(params.get('RoleArn') ?? '', params.get('RoleSessionName') ?? 'x', 3600, `ASIAGATED${String(received).padStart(11, '0')}`);
        outgoing.writeHead(answer.status, { 'content-type': 'text/xml' }).end(answer.body);
      };
      if (held) waiting.push(respond);
      else setTimeout(respond, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: () => void (held = true),
    release: () => {
      held = false;
      waiting.splice(0).forEach((respond) => respond());
    },
    received: () => received,
    maxOpen: () => maxOpen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** AWS's throttling answer. */
export const throttled = () => stsError('Throttling', 'Rate exceeded', 400);

/** The configuration: corp (refresh tokens) with dev, ops (pinned) and audit (not pinned); lab (silent sign-in) with sandbox. */
export function worldDocument(stsEndpoint: string): ConfigDocument {
  return {
    providers: [
      { id: 'corp', name: 'Corp SSO', issuer: 'https://corp.example.com', clientId: 'corp-client', scopes: 'openid offline_access' },
      { id: 'lab', name: 'Lab IdP', issuer: 'https://lab.example.com', clientId: 'lab-client', scopes: 'openid' },
    ],
    profiles: [
      { id: 'dev', name: 'Dev', provider: 'corp', roleArn: 'arn:aws:iam::111111111111:role/Dev', stsEndpoint },
      { id: 'ops', name: 'Ops', provider: 'corp', roleArn: 'arn:aws:iam::111111111111:role/Ops', stsEndpoint },
      { id: 'audit', name: 'Audit', provider: 'corp', roleArn: 'arn:aws:iam::111111111111:role/Audit', stsEndpoint, pinned: false },
      { id: 'sandbox', name: 'Sandbox', provider: 'lab', roleArn: 'arn:aws:iam::222222222222:role/Sandbox', stsEndpoint },
    ],
  };
}

/** Builds the IdPs and the browser. */
export function world(stsEndpoint: string, options: { corp?: Partial<SimulatedIdpOptions>; lab?: Partial<SimulatedIdpOptions>; browser?: Partial<SimulatedBrowserOptions> } = {}) {
  const corp = simulatedIdp({ issuer: 'https://corp.example.com', clientId: 'corp-client', redirectUri, ...options.corp });
  const lab = simulatedIdp({ issuer: 'https://lab.example.com', clientId: 'lab-client', redirectUri, ...options.lab });
  const browser = simulatedBrowser({ document: worldDocument(stsEndpoint), idps: [corp, lab], redirectUri, ...options.browser });
  return { corp, lab, browser };
}

/** Moves the clock to `time`, firing every alarm on the way at its scheduled time. */
export async function runUntil(browser: SimulatedBrowser, time: number): Promise<void> {
  await browser.settle();
  for (let round = 0; ; round += 1) {
    const next = browser.nextAlarm();
    if (next === undefined || next > time) break;
    if (round > 10_000) throw new Error('alarms keep firing');
    jest.setSystemTime(Math.max(next, Date.now()));
    browser.fireDueAlarms();
    await browser.settle();
  }
  jest.setSystemTime(time);
  await browser.settle();
}

/** A user's click on Sign in, completed. */
export async function signIn(browser: SimulatedBrowser, providerId: string): Promise<void> {
  await browser.message((worker) => worker.signIn.signIn(providerId));
  await browser.settle();
}
