/**
 * The bare requests of a silent refresh, from Node: one refresh-token grant at the IdP's token
 * endpoint, then AssumeRoleWithWebIdentity at STS for each profile, as many at once as the
 * extension allows. No checks, no storage, no extension: the floor the extension's refresh is
 * compared with.
 */
import { stsConcurrency } from '../../src/sign-in/sign-in-service';
import { mapWithConcurrency } from '../../src/util/map-with-concurrency';
import type { Worker } from 'playwright-core';

/** Where the requests go and what they carry. */
export interface BareRefreshTarget {
  tokenEndpoint: string;
  clientId: string;
  stsEndpoint: string;
  roleArn: string;
  roleSessionName: string;
}

/** How long one refresh took, and the rotated refresh token for the next. */
export interface BareRefreshRun {
  ms: number;
  refreshToken: string;
}

/** One refresh-token grant at the sandbox IdP, as the extension's renewal sends it. */
export async function refreshGrant(target: Pick<BareRefreshTarget, 'tokenEndpoint' | 'clientId'>, refreshToken: string): Promise<{ id_token: string; refresh_token?: string }> {
  const response = await fetch(target.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: target.clientId }),
  });
  const body = await response.json() as { id_token?: string; refresh_token?: string; error?: string };
  if (!response.ok || !body.id_token) throw new Error(`refresh grant failed: ${response.status} ${body.error ?? ''}`);
  return { id_token: body.id_token, ...(body.refresh_token ? { refresh_token: body.refresh_token } : {}) };
}

async function assumeRole(target: BareRefreshTarget, idToken: string): Promise<void> {
  const response = await fetch(target.stsEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: target.roleArn,
      RoleSessionName: target.roleSessionName,
      WebIdentityToken: idToken,
      DurationSeconds: '3600',
    }),
  });
  const body = await response.text();
  if (!response.ok || !body.includes('<AccessKeyId>')) throw new Error(`AssumeRoleWithWebIdentity failed: ${response.status} ${body.slice(0, 200)}`);
}

/** One silent refresh of `profiles` profiles, timed from the first request to the last answer. */
export async function bareRefresh(target: BareRefreshTarget, refreshToken: string, profiles: number): Promise<BareRefreshRun> {
  const started = performance.now();
  const tokens = await refreshGrant(target, refreshToken);
  const settled = await mapWithConcurrency(Array.from({ length: profiles }), stsConcurrency, () => assumeRole(target, tokens.id_token));
  const ms = performance.now() - started;
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed?.status === 'rejected') throw failed.reason;
  return { ms, refreshToken: tokens.refresh_token ?? refreshToken };
}

/**
 * The same bare requests made with the browser's fetch from inside the extension's service worker
 * (no checks, no storage, no SDK): the floor for any code running there. Chromium's network stack
 * costs more per request than Node's, so this row tells that cost apart from the extension's own.
 */
export async function bareRefreshInWorker(worker: Worker, target: BareRefreshTarget, refreshToken: string, profiles: number): Promise<BareRefreshRun> {
  return worker.evaluate(async ({ target, refreshToken, profiles, concurrency }) => {
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(fields) });
    const started = performance.now();
    const response = await fetch(target.tokenEndpoint, form({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: target.clientId }));
    const tokens = await response.json() as { id_token?: string; refresh_token?: string; error?: string };
    if (!response.ok || !tokens.id_token) throw new Error(`refresh grant failed: ${response.status} ${tokens.error ?? ''}`);
    const idToken = tokens.id_token;
    let next = 0;
    const lane = async () => {
      while (next < profiles) {
        next += 1;
        const answer = await fetch(target.stsEndpoint, form({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: target.roleArn, RoleSessionName: target.roleSessionName, WebIdentityToken: idToken, DurationSeconds: '3600' }));
        const body = await answer.text();
        if (!answer.ok || !body.includes('<AccessKeyId>')) throw new Error(`AssumeRoleWithWebIdentity failed: ${answer.status} ${body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, profiles) }, lane));
    return { ms: performance.now() - started, refreshToken: tokens.refresh_token ?? refreshToken };
  }, { target, refreshToken, profiles, concurrency: stsConcurrency });
}
