/**
 * Identity pool profiles as a user meets them (issue 15), written once and run in Chromium
 * (cognito.test.ts) and Firefox (cognito.firefox.test.ts): import a configuration with pool
 * profiles beside a role, sign in on the IdP's page, copy the pool's credentials into bash and
 * prove them against moto, renew them without a prompt, and see a pool that does not trust the
 * provider refused with what to fix while everything else works.
 *
 * moto's cognito-identity serves the pool (created here through its API, signed with any key);
 * it checks no token, so the untrusted pool is a stand-in answering Cognito's JSON error bodies.
 */
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { cognitoError, cognitoSuccess, startCognitoStandIn } from '../../unit/support/cognito-stand-in';
import { eventually } from './eventually';
import { SANDBOX_ROLE_ARN, callerIdentityArn } from './harness';
import { createIdentityPool, loginsKeyOf } from './moto-cognito';
import type { ScenarioPage, Target } from './scenario-page';
import type { ScenarioEnvironment } from './sign-in-scenario';
import { exportsFromBash, sandboxProvider, sessionName, signIn } from './sign-in-scenario';

const card = (name: string): Target => ({ role: 'article', name });
const enhanced = card('Pool enhanced');
const basic = card('Pool basic');
const untrusted = card('Untrusted pool');
const role = card('Sandbox developer');
const untrustedPool = 'us-east-1:00000000-0000-4000-8000-000000000000';
/**
 * moto's pools issue credentials for 90 seconds (AWS's last an hour), so the enhanced profile
 * shows "Expires soon" between the renewals the schedule makes every minute.
 */
const poolStatus = /^(Valid|Expires soon|Refreshing), \d+ min left$/;

/** What only some browsers' harnesses offer the scenario. */
export interface CognitoScenarioExtras {
  /**
   * Opens an extension page by its path: Chromium opens a tab there; Firefox's driver cannot
   * navigate to extension pages, so there the diagnostics page is left to the unit tests.
   */
  openExtensionPage?(file: string): Promise<ScenarioPage>;
}

/** Registers the scenario's tests for one browser; `start` brings up a fresh environment. */
export function describeCognitoScenario(browserName: string, start: () => Promise<ScenarioEnvironment & CognitoScenarioExtras>, { extensionPages = false } = {}): void {
  describe(`${browserName}: credentials from an Amazon Cognito identity pool`, () => {
    let env: ScenarioEnvironment & CognitoScenarioExtras;
    let standIn: Awaited<ReturnType<typeof startCognitoStandIn>>;
    let pool: string;
    let loginsKey: string;
    let popup: ScenarioPage;

    beforeAll(async () => {
      env = await start();
      const sandbox = env.sandboxConfig();
      loginsKey = loginsKeyOf(sandbox.providers[0]?.issuer ?? '');
      pool = await createIdentityPool(env.stsEndpoint, loginsKey);
      // A pool that lists another provider only: it refuses the sandbox IdP's tokens, as AWS does.
      standIn = await startCognitoStandIn((request) => {
        const logins = request.body.Logins as Record<string, string> | undefined;
        return logins && 'idp.example.com' in logins ? cognitoSuccess(request) : cognitoError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.');
      });
    });
    afterAll(async () => {
      await popup?.close().catch(() => undefined);
      await env?.close();
      await standIn?.close();
    });

    const session = () => env.readStorage('session');
    const credentialsOf = async (id: string) => (await session())[`credentials/${id}`] as ProfileCredentials | undefined;

    function configuration(overrides: Record<string, unknown> = {}) {
      const sandbox = env.sandboxConfig();
      const moto = env.stsEndpoint;
      return {
        providers: sandbox.providers,
        profiles: [
          { id: 'pool', name: 'Pool enhanced', provider: 'sandbox', identityPoolId: pool, accountId: '123456789012', cognitoEndpoint: moto, ...overrides },
          { id: 'pool-basic', name: 'Pool basic', provider: 'sandbox', identityPoolId: pool, cognitoFlow: 'basic', roleArn: SANDBOX_ROLE_ARN, cognitoEndpoint: moto, stsEndpoint: moto },
          { id: 'untrusted', name: 'Untrusted pool', provider: 'sandbox', identityPoolId: untrustedPool, cognitoEndpoint: standIn.endpoint },
          ...sandbox.profiles,
        ],
      };
    }

    async function copyBash(target: Target): Promise<Record<string, string>> {
      const button: Target = { role: 'button', name: 'Copy bash', within: target };
      await popup.click(button);
      await popup.waitForText(button, 'Copied');
      return exportsFromBash(await env.readClipboard());
    }

    const prove = (variables: Record<string, string>) => callerIdentityArn(
      { accessKeyId: variables.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: variables.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: variables.AWS_SESSION_TOKEN ?? '' },
      env.stsEndpoint,
    );

    it('names the field of a pool profile that is wrong, then imports pool profiles beside a role', async () => {
      const options = await env.openOptions();
      const textarea: Target = { role: 'textbox', name: 'Configuration (JSON)' };
      await options.fill(textarea, JSON.stringify(configuration({ region: 'eu-west-1' })));
      await options.click({ role: 'button', name: 'Import' });
      await options.waitForText({ role: 'alert' }, 'profiles[0].region: must be the identity pool\'s region "us-east-1", which begins identityPoolId (got "eu-west-1")');
      await expect(env.readStorage('local')).resolves.toEqual({});
      await options.fill(textarea, JSON.stringify(configuration()));
      await options.click({ role: 'button', name: 'Import' });
      // moto and the untrusted pool's stand-in are on loopback, not AWS: the import names both
      // hosts and stores nothing until the user trusts them (src/config/endpoint-trust.ts).
      const origins = [new URL(env.stsEndpoint).origin, new URL(standIn.endpoint).origin];
      for (const origin of origins) await options.waitForText({ role: 'alert' }, origin);
      await expect(env.readStorage('local')).resolves.toEqual({});
      await options.click({ role: 'button', name: /^Trust .* and import$/ });
      await options.waitForText({ role: 'status' }, 'Imported 1 provider(s) and 4 profile(s).');
      expect([...((await env.readStorage('local'))['trusted-endpoints'] as string[])].sort()).toEqual([...origins].sort());
      await options.close();
    });

    it('signs in once and gives every profile its credentials, refusing only the pool that does not trust the provider', async () => {
      popup = await env.openPopup();
      await expect(popup.text(enhanced)).resolves.toContain('123456789012 · role chosen by the identity pool · us-east-1');
      await signIn(env, popup, 'alice');
      await popup.waitForText({ role: 'status', within: enhanced }, poolStatus, { timeout: 30_000 });
      for (const target of [basic, role]) await popup.waitForText({ role: 'status', within: target }, /^Valid, \d+ min left$/, { timeout: 30_000 });

      const alert = await popup.waitForText({ role: 'alert', within: untrusted }, `Identity pool ${untrustedPool} did not accept the token from Sandbox IdP (GetId)`);
      expect(alert).toContain(`The pool expects the Logins key "${loginsKey}".`);
      const stored = await session();
      expect(stored['diagnostics/profile/untrusted']).toMatchObject({ request: { IdentityPoolId: untrustedPool, LoginsKey: loginsKey }, error: { code: 'NotAuthorized', httpStatus: 400 } });
      expect(stored['credentials/untrusted']).toBeUndefined();
      expect(stored[`cognito-identity/${pool}/sandbox/${sessionName('alice')}`]).toEqual(expect.stringMatching(/^[a-z0-9-]+:[0-9a-f-]+$/));
    });

    (extensionPages ? it : it.skip)('shows on the diagnostics page the Logins key the untrusted pool expects, its provider settings and the role trust policy', async () => {
      if (!env.openExtensionPage) throw new Error('this harness opens no extension page');
      const page = await env.openExtensionPage('diagnostics.html?profile=untrusted');
      await page.waitForText({ role: 'region', name: 'Where it stands' }, 'Failed at: Amazon Cognito identity pool');
      const settings = await page.text({ role: 'region', name: 'Identity pool settings' });
      expect(settings).toContain(`The pool expects the token under the Logins key ${loginsKey}.`);
      expect(settings).toContain(`choose the IAM OIDC identity provider "${loginsKey}"`);
      expect(settings).toContain(`"cognito-identity.amazonaws.com:aud": "${untrustedPool}"`);
      expect(settings).toContain('"cognito-identity.amazonaws.com:amr": "authenticated"');
      await page.close();
    });

    it('copies the pool\'s credentials into bash, and AWS accepts them', async () => {
      const variables = await copyBash(enhanced);
      expect(variables.AWS_REGION).toBe('us-east-1');
      expect(variables.AWS_ACCESS_KEY_ID).toBe((await credentialsOf('pool'))?.accessKeyId);
      expect(Date.parse(variables.AWS_CREDENTIAL_EXPIRATION ?? '')).toBeGreaterThan(Date.now());
      // moto's identity pools hand out one fixed key pair, which its STS knows as its own user.
      await expect(prove(variables)).resolves.toBe('arn:aws:sts::123456789012:user/moto');

      const classic = await copyBash(basic);
      await expect(prove(classic)).resolves.toBe(`arn:aws:sts::123456789012:assumed-role/Developer/${sessionName('alice')}`);
      await expect(prove(await copyBash(role))).resolves.toBe(`arn:aws:sts::123456789012:assumed-role/Developer/${sessionName('alice')}`);
    });

    it('renews the pool\'s credentials without a login window', async () => {
      const before = { pool: await credentialsOf('pool'), basic: await credentialsOf('pool-basic') };
      const loginWindow = env.waitForAuthWindow().then(() => 'shown', () => undefined);
      await popup.click({ role: 'button', name: 'Refresh now', within: enhanced });
      await popup.click({ role: 'button', name: 'Refresh now', within: basic });
      const fresh = await eventually('renewed pool credentials', async () => {
        const now = { pool: await credentialsOf('pool'), basic: await credentialsOf('pool-basic') };
        return (now.pool?.issuedAt ?? 0) > (before.pool?.issuedAt ?? 0) && now.basic?.accessKeyId !== before.basic?.accessKeyId ? now : undefined;
      });
      expect((await session())['renewal/sandbox']).toMatchObject({ state: 'ok', method: 'refresh-token' });
      await popup.waitForText({ role: 'status', within: enhanced }, poolStatus);
      await expect(callerIdentityArn({ accessKeyId: fresh.basic?.accessKeyId ?? '', secretAccessKey: fresh.basic?.secretAccessKey ?? '', sessionToken: fresh.basic?.sessionToken ?? '' }, env.stsEndpoint))
        .resolves.toBe(`arn:aws:sts::123456789012:assumed-role/Developer/${sessionName('alice')}`);
      await expect(loginWindow).resolves.toBeUndefined();
    });

    it('keeps the pool\'s credentials and identity ids in session storage only, and signing out forgets the credentials', async () => {
      const held = await session();
      const secrets = ['pool', 'pool-basic'].flatMap((id) => {
        const item = held[`credentials/${id}`] as ProfileCredentials;
        return [item.secretAccessKey, item.sessionToken];
      });
      const elsewhere = JSON.stringify([await env.readStorage('local'), await env.readStorage('sync')]);
      for (const secret of secrets) expect(elsewhere).not.toContain(secret);
      expect(elsewhere).not.toContain('cognito-identity/');
      await popup.click({ role: 'button', name: 'Sign out', within: sandboxProvider });
      await popup.waitForText({ role: 'status', within: enhanced }, 'Signed out');
      expect(Object.keys(await session()).filter((key) => key.startsWith('credentials/'))).toEqual([]);
    });
  });
}
