/**
 * `npm run bench`: the extension's own costs in real Chromium, with the built extension, the
 * sandbox IdP and moto on loopback (test/e2e/support/harness.ts). Prints a table of medians and spreads
 * and writes the same figures as JSON; targets are reported, never asserted. BENCH_RUNS sets the
 * number of runs (default 15), BENCH_EXTENSION_DIR another build to measure (default dist/chrome;
 * Chromium loads a copy with a blank page added, see blank-page.ts), BENCH_RECORD=1 also updates
 * test/bench/latest-results.json.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_EXTENSION_DIR, ROOT, startEnvironment } from '../e2e/support/harness';
import type { Environment, SandboxConfig } from '../e2e/support/harness';
import { configWithProfiles, profileIds } from './bench-config';
import { bareRefresh, bareRefreshInWorker } from './bare-refresh';
import type { BareRefreshTarget } from './bare-refresh';
import { copyWithBlankPage } from './blank-page';
import { bareCognitoRefresh, configWithPoolProfiles } from './cognito-refresh';
import type { BareCognitoTarget } from './cognito-refresh';
import { createIdentityPool, loginsKeyOf } from '../e2e/support/moto-cognito';
import type { BenchExtension } from './blank-page';
import { bundleSize, entries } from './bundle-sizes';
import { openControlPage } from './control-page';
import { measurePopupPaint } from './popup-paint';
import { describeMachine, renderTable, writeResults } from './results';
import type { ResultRow } from './results';
import { timeInteractiveSignIn } from './sign-in-timing';
import { obtainRefreshToken, refreshActionMissing, timeExtensionRefresh } from './silent-refresh';
import { summarize } from './statistics';
import { timePing, workerHeapUsed } from './worker-timing';

jest.setTimeout(30 * 60_000);

const runs = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const signInRuns = Math.max(3, Math.round(runs / 3));
const profileCounts = [1, 20, 200] as const;
const popupTargets: Partial<Record<number, number>> = { 20: 50, 200: 100 };
/** The popup's paint as a multiple of the blank extension page's: what is left once Chromium's own start-up is set apart. */
const popupRatioTargets: Partial<Record<number, number>> = { 20: 1.2 };
const refreshCounts = [1, 20] as const;

const rows: ResultRow[] = [];
let env: Environment;
let extension: BenchExtension | undefined;
let control: Page;
let sandbox: SandboxConfig;
const providerId = () => sandbox.providers[0]?.id ?? 'sandbox';

beforeAll(async () => {
  extension = await copyWithBlankPage(process.env.BENCH_EXTENSION_DIR ? path.resolve(process.env.BENCH_EXTENSION_DIR) : DEFAULT_EXTENSION_DIR);
  env = await startEnvironment({ localConfig: 'sandbox', extensionDir: extension.dir });
  sandbox = env.sandboxConfig();
  control = await openControlPage(env);
});

afterAll(async () => {
  const machine = describeMachine(env?.context.browser()?.version() ?? 'unknown');
  await env?.close();
  await extension?.remove();
  process.stdout.write(`\n${renderTable(rows, machine)}\n`);
  const files = writeResults(ROOT, rows, machine, process.env.BENCH_RECORD === '1');
  process.stdout.write(`figures written to ${files.map((file) => path.relative(ROOT, file)).join(', ')}\n`);
});

const median = (values: number[]) => summarize(values).median;

describe.each(profileCounts)('with %i profile(s)', (count) => {
  let config: SandboxConfig;
  beforeAll(async () => {
    config = configWithProfiles(sandbox, count);
    await env.setLocalConfig(config);
  });

  it('signs in interactively: redirect back to credentials stored', async () => {
    const samples: number[] = [];
    const heaps: number[] = [];
    for (let run = 0; run < (count === 200 ? 3 : signInRuns) + 1; run += 1) {
      const ms = await timeInteractiveSignIn(env, control, providerId(), profileIds(config));
      // The first run of each size warms connections and caches; it is not recorded.
      if (run === 0) continue;
      samples.push(ms);
      if (count === 200) heaps.push(await workerHeapUsed(env));
    }
    rows.push({
      id: `sign-in.${count}`,
      label: `sign-in, ${count} profile(s): redirect back → credentials stored`,
      unit: 'ms',
      summary: summarize(samples),
      note: count === 1 ? 'code exchange, ID token checks, STS calls to moto and storage writes; the network is loopback' : undefined,
    });
    if (heaps.length) {
      rows.push({ id: 'worker.heap.after-sign-in-200', label: 'worker JS heap after sign-in with 200 profiles', unit: 'MB', summary: summarize(heaps.map((bytes) => bytes / 2 ** 20)), note: 'after a full garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage)' });
    }
  });

  it('paints every profile status in the popup', async () => {
    const { popup: paints, blank: blankPaints } = await measurePopupPaint(env, count, runs);
    const target = popupTargets[count];
    const popup = summarize(paints.map((paint) => paint.painted));
    const blank = summarize(blankPaints.map((paint) => paint.painted));
    const ratioTarget = popupRatioTargets[count];
    rows.push({
      id: `popup.painted.${count}`,
      label: `popup, ${count} profile(s): open → status painted`,
      unit: 'ms',
      summary: popup,
      ...(target ? { target: { max: target, text: `≤ ${target} ms` } } : {}),
      note: `popup.js run by ${median(paints.map((paint) => paint.scriptDone)).toFixed(1)} ms, statuses in the DOM at ${median(paints.map((paint) => paint.statusInDom)).toFixed(1)} ms (medians, from navigation start)`,
    });
    rows.push({
      id: `popup.blank.${count}`,
      label: `blank extension page, opened in turn with the popup of ${count} profile(s)`,
      unit: 'ms',
      summary: blank,
      note: count === 1 ? 'an empty extension page whose one script file adds one status element, timed as the popup is and opened in turn with it: Chromium\'s own cost of opening an extension page, which no popup code can go below' : undefined,
    });
    // Each size against the blank openings taken in turn with it: both saw the same conditions.
    rows.push({
      id: `popup.ratio.${count}`,
      label: `popup, ${count} profile(s) / blank extension page`,
      unit: 'x',
      value: popup.median / blank.median,
      ...(ratioTarget ? { target: { max: ratioTarget, text: `≤ ${ratioTarget}x` } } : {}),
    });
  });
});

describe('service worker', () => {
  it('answers a page after a cold start', async () => {
    await timePing(env, control, true);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      cold.push(await timePing(env, control, true));
      warm.push(await timePing(env, control, false));
    }
    rows.push({ id: 'worker.cold-ping', label: 'worker: stopped → answers a ping', unit: 'ms', summary: summarize(cold), target: { max: 50, text: '≤ 50 ms' } });
    rows.push({ id: 'worker.warm-ping', label: 'worker: running → answers a ping', unit: 'ms', summary: summarize(warm) });
  });

  it('holds this much JS heap right after starting', async () => {
    const heaps: number[] = [];
    for (let run = 0; run < signInRuns; run += 1) {
      await timePing(env, control, true);
      heaps.push(await workerHeapUsed(env));
    }
    rows.push({ id: 'worker.heap.start', label: 'worker JS heap after a cold start', unit: 'MB', summary: summarize(heaps.map((bytes) => bytes / 2 ** 20)) });
  });
});

describe('silent refresh', () => {
  let target: BareRefreshTarget;
  let refreshToken: string;
  beforeAll(async () => {
    const discovery = await (await fetch(`${env.idp.issuer}/.well-known/openid-configuration`)).json() as { token_endpoint: string };
    refreshToken = await obtainRefreshToken(env, discovery.token_endpoint);
    const profile = sandbox.profiles[0];
    target = {
      tokenEndpoint: discovery.token_endpoint,
      clientId: env.idp.clientId,
      stsEndpoint: profile?.stsEndpoint ?? '',
      roleArn: profile?.roleArn ?? '',
      roleSessionName: 'wic-bench',
    };
  });

  it.each(refreshCounts)('renews %i profile(s), beside the bare requests', async (count) => {
    const config = configWithProfiles(sandbox, count);
    await env.setLocalConfig(config);
    const bare: number[] = [];
    const bareInWorker: number[] = [];
    const extension: number[] = [];
    const answered: number[] = [];
    let available = true;
    // Alternating the two keeps both under the same conditions; the first pair warms up.
    for (let run = 0; run < runs + 1; run += 1) {
      const bareRun = await bareRefresh(target, refreshToken, count);
      const workerRun = await bareRefreshInWorker(await env.getWorker(), target, bareRun.refreshToken, count);
      refreshToken = workerRun.refreshToken;
      const extensionRun = available ? await timeExtensionRefresh(control, providerId(), profileIds(config)) : undefined;
      if (extensionRun === undefined) available = false;
      if (run === 0) continue;
      bare.push(bareRun.ms);
      bareInWorker.push(workerRun.ms);
      if (extensionRun) {
        extension.push(extensionRun.stored);
        answered.push(extensionRun.answered);
      }
    }
    const label = `silent refresh, ${count} profile(s)`;
    rows.push({ id: `refresh.bare.${count}`, label: `${label}: bare requests from Node`, unit: 'ms', summary: summarize(bare), note: count === 1 ? 'one refresh-token grant and one AssumeRoleWithWebIdentity per profile, as many at once as the extension runs' : undefined });
    rows.push({ id: `refresh.worker-bare.${count}`, label: `${label}: bare requests from the service worker`, unit: 'ms', summary: summarize(bareInWorker), note: count === 1 ? 'the same requests with the browser\'s fetch inside the extension\'s worker: Chromium\'s own cost per request, which no extension code can go below' : undefined });
    if (!available) {
      rows.push({ id: `refresh.extension.${count}`, label: `${label}: extension`, unit: 'ms', unavailable: refreshActionMissing });
      return;
    }
    const extensionSummary = summarize(extension);
    rows.push({
      id: `refresh.extension.${count}`,
      label: `${label}: extension, message → stored`,
      unit: 'ms',
      summary: extensionSummary,
      note: `its answer came after ${median(answered).toFixed(0)} ms (median)`,
    });
    rows.push({ id: `refresh.ratio.${count}`, label: `${label}: extension / bare`, unit: 'x', value: extensionSummary.median / summarize(bare).median, target: { max: 1.3, text: '≤ 1.3x' } });
    rows.push({ id: `refresh.worker-ratio.${count}`, label: `${label}: extension / bare from the worker`, unit: 'x', value: extensionSummary.median / summarize(bareInWorker).median });
  });
});

describe('silent refresh from an identity pool', () => {
  let target: BareCognitoTarget;
  let refreshToken: string;
  beforeAll(async () => {
    const discovery = await (await fetch(`${env.idp.issuer}/.well-known/openid-configuration`)).json() as { token_endpoint: string };
    refreshToken = await obtainRefreshToken(env, discovery.token_endpoint);
    const cognitoEndpoint = env.sts?.endpoint ?? '';
    const loginsKey = loginsKeyOf(env.idp.issuer);
    target = { tokenEndpoint: discovery.token_endpoint, clientId: env.idp.clientId, cognitoEndpoint, identityPoolId: await createIdentityPool(cognitoEndpoint, loginsKey), loginsKey };
  });

  it.each(refreshCounts)('renews %i pool profile(s), beside the bare requests', async (count) => {
    const config = configWithPoolProfiles(sandbox, count, target.identityPoolId, target.cognitoEndpoint);
    await env.setLocalConfig(config);
    const bare: number[] = [];
    const extension: number[] = [];
    const identity: { id?: string } = {};
    // The first pair warms up, and asks GetId once on each side (both keep the identity id).
    for (let run = 0; run < runs + 1; run += 1) {
      const bareRun = await bareCognitoRefresh(target, refreshToken, count, identity);
      refreshToken = bareRun.refreshToken;
      const extensionRun = await timeExtensionRefresh(control, providerId(), profileIds(config));
      if (!extensionRun) throw new Error('this build has no refreshNow action');
      if (run === 0) continue;
      bare.push(bareRun.ms);
      extension.push(extensionRun.stored);
    }
    const label = `identity pool refresh, ${count} profile(s)`;
    rows.push({ id: `refresh.cognito.bare.${count}`, label: `${label}: bare requests from Node`, unit: 'ms', summary: summarize(bare), note: count === 1 ? 'one refresh-token grant and one GetCredentialsForIdentity per profile (identity id kept), as many at once as the extension runs; moto on loopback' : undefined });
    const extensionSummary = summarize(extension);
    rows.push({ id: `refresh.cognito.extension.${count}`, label: `${label}: extension, message → stored`, unit: 'ms', summary: extensionSummary });
    rows.push({ id: `refresh.cognito.ratio.${count}`, label: `${label}: extension / bare`, unit: 'x', value: extensionSummary.median / summarize(bare).median, target: { max: 1.3, text: '≤ 1.3x' } });
  });
});

describe('bundles', () => {
  it.each(entries)('%s.js', (entry) => {
    const { minified, gzipped } = bundleSize(env.extensionDir, entry);
    rows.push({ id: `bundle.${entry}.minified`, label: `${entry}.js minified`, unit: 'bytes', value: minified });
    rows.push({ id: `bundle.${entry}.gzipped`, label: `${entry}.js gzipped`, unit: 'bytes', value: gzipped });
  });
});
