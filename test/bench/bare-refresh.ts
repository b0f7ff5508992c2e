/**
 * The bare requests of a silent refresh, from Node: one refresh-token grant at the IdP's token
 * endpoint, then AssumeRoleWithWebIdentity at STS for each profile, as many at once as the
 * extension allows. No checks, no storage, no extension: the floor the extension's refresh is
 * compared with.
 */
import { stsConcurrency } from '../../src/state/sign-in-service';
import { mapWithConcurrency } from '../../src/util/map-with-concurrency';

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

async function refreshGrant(target: BareRefreshTarget, refreshToken: string): Promise<{ id_token: string; refresh_token?: string }> {
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
