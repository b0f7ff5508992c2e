/**
 * Roles from the token across renewals, in the simulated browser: each renewed token's role list
 * replaces the stored one, a role taken away gets no credentials back from a refresh already under
 * way, and a renewed token without the claim keeps the roles.
 */
import { claimedRolesKey } from '../../../src/storage/keys';
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { runUntil, signIn, useLoopbackSts, world } from '../support/refresh-world';
import type { SimulatedBrowser } from '../support/simulated-browser';

const at = (hours: number, minutes = 0) => Date.UTC(2030, 0, 7, hours, minutes);
const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const credentials = (browser: SimulatedBrowser, id: string) => browser.session.get(`credentials/${id}`) as ProfileCredentials | undefined;

const sts = useLoopbackSts(at(8));

function rolesWorld() {
  let claims: Record<string, unknown> = { roles: [role('Dev'), role('Ops')] };
  const document = {
    providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://corp.example.com', clientId: 'corp-client', scopes: 'openid offline_access', rolesFromClaim: { claim: 'roles', stsEndpoint: sts.endpoint, region: 'eu-west-1' } }],
    profiles: [],
  };
  const { browser } = world(sts.endpoint, { corp: { extraClaims: () => claims }, browser: { document } });
  return { browser, setClaims: (next: Record<string, unknown>) => (claims = next) };
}

describe('roles from the token across renewals', () => {
  it('replaces the roles with the renewed token\'s, and gives a role taken away no credentials', async () => {
    const { browser, setClaims } = rolesWorld();
    await signIn(browser, 'corp');
    expect(browser.session.get(claimedRolesKey('corp'))).toEqual({ roleArns: [role('Dev'), role('Ops')] });
    const ops = credentials(browser, 'corp-111111111111-Ops');
    expect(ops?.issuedAt).toBe(at(8));

    setClaims({ roles: [role('Dev'), role('Audit')] });
    jest.setSystemTime(at(8, 10));
    const stsCalls = sts.log.length;
    // Every profile as the refresh found them (Dev, Ops): the renewal inside drops Ops.
    await expect(browser.message((worker) => worker.refresh.refreshNow())).resolves.toEqual({ refreshed: 1, failed: 0 });
    expect(browser.session.get(claimedRolesKey('corp'))).toEqual({ roleArns: [role('Dev'), role('Audit')] });
    expect(sts.log.slice(stsCalls).map((call) => call.profileRole)).toEqual([role('Dev')]);
    expect(credentials(browser, 'corp-111111111111-Dev')?.issuedAt).toBe(at(8, 10));
    // Nothing new for Ops (what the sign-in got is the background's to forget on the configuration change).
    expect(credentials(browser, 'corp-111111111111-Ops')).toEqual(ops);
  });

  it('keeps the roles when a renewed token leaves the claim out, and drops them all when it lists none', async () => {
    const { browser, setClaims } = rolesWorld();
    await signIn(browser, 'corp');
    setClaims({});
    await runUntil(browser, at(8, 55));
    expect(browser.session.get('renewal/corp')).toMatchObject({ state: 'ok', at: at(8, 55) });
    expect(browser.session.get(claimedRolesKey('corp'))).toEqual({ roleArns: [role('Dev'), role('Ops')] });
    setClaims({ roles: [] });
    await browser.message((worker) => worker.refresh.refreshNow());
    expect(browser.session.get(claimedRolesKey('corp'))).toEqual({ roleArns: [] });
  });
});
