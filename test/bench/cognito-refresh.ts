/**
 * The identity pool's silent refresh (issue 15) beside the STS one: profiles that get their
 * credentials from a pool in moto, and the bare requests of the same refresh from Node (one
 * refresh-token grant, then one GetCredentialsForIdentity per profile with the identity id the
 * extension keeps, as many at once as the extension runs).
 */
import type { SandboxConfig, SandboxProfile } from '../e2e/support/harness';
import { stsConcurrency } from '../../src/sign-in/sign-in-service';
import { refreshGrant } from './bare-refresh';
import { mapWithConcurrency } from '../../src/util/map-with-concurrency';

/** The sandbox configuration with `count` enhanced-flow profiles of the pool instead of the role. */
export function configWithPoolProfiles(sandbox: SandboxConfig, count: number, identityPoolId: string, cognitoEndpoint: string): SandboxConfig {
  const profiles = Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    return { id: `pool-${number}`, name: `Pool profile ${number}`, provider: sandbox.providers[0]?.id ?? 'sandbox', identityPoolId, cognitoEndpoint } as unknown as SandboxProfile;
  });
  return { providers: sandbox.providers, profiles };
}

/** Where the bare requests go and what they carry. */
export interface BareCognitoTarget {
  tokenEndpoint: string;
  clientId: string;
  cognitoEndpoint: string;
  identityPoolId: string;
  loginsKey: string;
}

async function cognito(target: BareCognitoTarget, operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(target.cognitoEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  const answer = await response.json() as Record<string, unknown>;
  if (!response.ok) throw new Error(`${operation} failed: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`);
  return answer;
}

/** One bare pool refresh of `profiles` profiles; `identityId` is asked once (GetId) and reused, as the extension does. */
export async function bareCognitoRefresh(target: BareCognitoTarget, refreshToken: string, profiles: number, identity: { id?: string }): Promise<{ ms: number; refreshToken: string }> {
  const started = performance.now();
  const tokens = await refreshGrant(target, refreshToken);
  const Logins = { [target.loginsKey]: tokens.id_token };
  identity.id ??= String((await cognito(target, 'GetId', { IdentityPoolId: target.identityPoolId, Logins })).IdentityId);
  const settled = await mapWithConcurrency(Array.from({ length: profiles }), stsConcurrency, () => cognito(target, 'GetCredentialsForIdentity', { IdentityId: identity.id, Logins }));
  const ms = performance.now() - started;
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed?.status === 'rejected') throw failed.reason;
  return { ms, refreshToken: tokens.refresh_token ?? refreshToken };
}
