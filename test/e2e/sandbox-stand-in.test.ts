/**
 * `npm start` on a machine without moto, as a newcomer's: with moto_server on no PATH directory,
 * the sandbox serves its own STS stand-in. The launcher itself runs and says so; a sign-in through
 * the popup against the stand-in (started as `npm start` starts it) gives credentials that the
 * stand-in's GetCallerIdentity accepts; and the stand-in refuses a token signed by another key,
 * or meant for another audience, against the sandbox IdP's real keys.
 */
import { execFile } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { STAND_IN_NOTE, sandboxConfig } from '../sandbox/sandbox-config.mjs';
import { startStsStandIn } from '../sandbox/sts-stand-in.mjs';
import { chromiumScenario, playwrightScenarioPage } from './support/chromium-scenario';
import { LogBuffer, ROOT, SANDBOX_ROLE_ARN, assumeRoleWithWebIdentity, spawnSandbox, startEnvironment } from './support/harness';
import type { Environment, SandboxProcess, StsHandle } from './support/harness';
import { copyAndProve, sandboxProfile, signIn } from './support/sign-in-scenario';

jest.setTimeout(120_000);

/** This process's environment with every PATH directory that holds moto_server left out, and no MOTO_SERVER_PATH. */
function withoutMoto(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.MOTO_SERVER_PATH;
  env.PATH = (env.PATH ?? '').split(path.delimiter).filter((dir) => !existsSync(path.join(dir, 'moto_server'))).join(path.delimiter);
  return env;
}

/** The AWS SDK's name and STS's message of a refusal, or 'accepted'. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => 'accepted', (error: Error) => `${error.name}: ${error.message}`);
}

test('npm start, with moto_server off PATH, serves the STS stand-in and says it is not AWS', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'test', 'sandbox', 'start.mjs'), '--headless', '--exit-after-ready'], {
    cwd: ROOT,
    env: withoutMoto(),
    timeout: 60_000,
  });

  expect(stdout).toMatch(/^ {2}Browser {6}\S.* {3}\S+$/m);
  expect(stdout).toMatch(/^ {2}STS {10}http:\/\/127\.0\.0\.1:\d+ {3}a stand-in served by this sandbox, NOT AWS \(moto_server is not installed\)$/m);
  expect(stdout).toContain('Popup title: "Web Identity Credentials". Exiting (--exit-after-ready).');
});

describe('the sandbox with the STS stand-in', () => {
  let env: Environment;
  let sts: SandboxProcess<StsHandle & { kind: string }>;
  const log = new LogBuffer();

  beforeAll(async () => {
    env = await startEnvironment({ sts: false });
    sts = await spawnSandbox('sts.mjs', ['--issuer', env.idp.issuer, '--audience', env.idp.clientId], log, undefined, withoutMoto());
    await env.setLocalConfig(sandboxConfig(env.idp.issuer, { endpoint: sts.info.endpoint, kind: 'stand-in' }));
  });
  afterAll(async () => {
    await sts?.close();
    await env?.close();
  });

  it('is what sts.mjs starts when moto_server is off PATH', () => {
    expect(sts.info.kind).toBe('stand-in');
  });

  it('gives credentials on sign-in that its GetCallerIdentity accepts, and Details say it is not AWS', async () => {
    const page = await env.openPopup();
    const popup = playwrightScenarioPage(page);
    const scenario = { ...chromiumScenario(env), stsEndpoint: sts.info.endpoint };
    await expect(popup.text(sandboxProfile)).resolves.toContain(STAND_IN_NOTE);

    await signIn(scenario, popup, 'alice');
    // Runs the copied exports in bash and calls GetCallerIdentity, SigV4-signed, at the stand-in.
    await copyAndProve(scenario, popup, 'alice');

    const opened = env.context.waitForEvent('page');
    await page.locator('article', { hasText: 'Sandbox developer' }).getByRole('link', { name: 'Details' }).click();
    const details = await opened;
    await expect(details.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(STAND_IN_NOTE);
    await details.getByText('STS issued credentials.').waitFor();
    await details.close();
    await popup.close();
  });

  describe('against the sandbox IdP\'s published keys', () => {
    let idToken: string;
    beforeAll(async () => {
      const session = await env.readStorage('session');
      idToken = (session['provider-session/sandbox'] as { idToken: string }).idToken;
    });

    it('accepts the ID token the IdP gave the extension', async () => {
      await expect(assumeRoleWithWebIdentity(sts.info.endpoint, { roleArn: SANDBOX_ROLE_ARN, webIdentityToken: idToken }))
        .resolves.toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/) });
    });

    it('refuses a token with the same header and claims, signed by another key', async () => {
      const [header = '', payload = ''] = idToken.split('.');
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = `${header}.${payload}.${createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url')}`;

      await expect(refusal(assumeRoleWithWebIdentity(sts.info.endpoint, { roleArn: SANDBOX_ROLE_ARN, webIdentityToken: forged })))
        .resolves.toBe(`InvalidIdentityTokenException: The web identity token's signature does not verify with any key ${env.idp.issuer} publishes.`);
    });

    it('refuses the IdP\'s own token where its client id is not the one trusted', async () => {
      const other = await startStsStandIn({ trust: { issuer: env.idp.issuer, audiences: ['another-client'] } });
      try {
        await expect(refusal(assumeRoleWithWebIdentity(other.endpoint, { roleArn: SANDBOX_ROLE_ARN, webIdentityToken: idToken })))
          .resolves.toBe('InvalidIdentityTokenException: Incorrect token audience');
      } finally {
        await other.close();
      }
    });
  });
});
