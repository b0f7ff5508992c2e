import { ErrorCodes } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { deriveSessionName } from '../../../src/sts/session-name';
import { runTestSignIn } from '../../../src/sign-in/test-sign-in';
import type { TestSignInRequest } from '../../../src/sign-in/test-sign-in';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { rejection } from '../support/rejection';
import { startStsStandIn, stsCredentials, stsError } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';

const roleArn = 'arn:aws:iam::123456789012:role/Dev';

async function test(request: (endpoint: string) => TestSignInRequest, options: FakeIdpOptions = {}, answer: StsAnswer = stsCredentials(roleArn, 'wic-x', 3600)) {
  const sts = await startStsStandIn(() => answer);
  const idp = fakeIdp(options);
  try {
    const report = await runTestSignIn({
      readManagedConfig: async () => undefined,
      // The user confirmed the local STS stand-in, as the options page would record it.
      readTrustedOrigins: async () => [new URL(sts.endpoint).origin],
      signIn: (provider, onStep) => signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri, onStep }),
      assumeRole: assumeRoleWithWebIdentity,
      deriveSessionName,
    }, request(sts.endpoint));
    return { report, sts };
  } finally {
    await sts.close();
  }
}

const documentFor = (endpoint: string, extra: Record<string, unknown> = {}) => ({
  providers: [{ id: 'corp', name: 'Corp', issuer, clientId, ...extra }],
  profiles: [{ id: 'dev', provider: 'corp', roleArn, stsEndpoint: endpoint }],
});

describe('Test sign-in', () => {
  it('reports every step with what it got, and never a token or key', async () => {
    const { report, sts } = await test((endpoint) => ({ document: documentFor(endpoint), providerId: 'corp' }));
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => [step.step, step.status])).toEqual([['discovery', 'ok'], ['authorization', 'ok'], ['token', 'ok'], ['claims', 'ok'], ['sts', 'ok']]);
    expect(report.steps[0]?.detail).toContain(`authorization at ${issuer}/authorize`);
    expect(report.steps[3]?.detail).toContain('sub="user-1"');
    expect(report.steps[4]?.detail).toContain('profile dev: arn:aws:sts::123456789012:assumed-role/Dev/wic-x');
    expect(sts.requests).toHaveLength(1);
    const text = JSON.stringify(report);
    for (const secret of ['ASIAEXAMPLE', 'secret/key', 'session/token', 'eyJ']) expect(text).not.toContain(secret);
  });

  it('names the failing step and skips the rest', async () => {
    const { report } = await test((endpoint) => ({ document: documentFor(endpoint), providerId: 'corp' }), { tokenResponse: { status: 400, body: { error: 'invalid_client' } } });
    expect(report.ok).toBe(false);
    expect(report.steps.map((step) => [step.step, step.status])).toEqual([['discovery', 'ok'], ['authorization', 'ok'], ['token', 'failed'], ['claims', 'skipped'], ['sts', 'skipped']]);
    expect(report.steps[2]?.error?.code).toBe(ErrorCodes.tokenRequestFailed);
  });

  it('reports an STS refusal with its explanation', async () => {
    const { report } = await test((endpoint) => ({ document: documentFor(endpoint), providerId: 'corp' }), {}, stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403));
    expect(report.steps[4]).toMatchObject({ step: 'sts', status: 'failed', error: { code: ErrorCodes.stsAccessDenied } });
  });

  it('lists the roles a claim holds, and tests one of them when no profile is configured', async () => {
    const { report, sts } = await test(
      (endpoint) => ({ document: { providers: [{ id: 'corp', issuer, clientId, rolesFromClaim: { claim: 'roles', stsEndpoint: endpoint } }] }, providerId: 'corp' }),
      { claims: (nonce) => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, nonce, roles: [roleArn] }) },
    );
    expect(report.steps[3]?.detail).toContain(`roles: ${roleArn}`);
    expect(report.steps[4]).toMatchObject({ status: 'ok' });
    expect(sts.requests[0]?.params.get('RoleArn')).toBe(roleArn);
  });

  it('skips STS when no profile uses the provider', async () => {
    const { report } = await test(() => ({ document: { providers: [{ id: 'corp', issuer, clientId }] }, providerId: 'corp' }));
    expect(report.steps[4]).toEqual({ step: 'sts', status: 'skipped', detail: 'no profile uses this provider yet; add one to test STS' });
    expect(report.ok).toBe(true);
  });

  it('refuses a provider that does not validate, naming its problems', async () => {
    const error = await rejection(test(() => ({ document: { providers: [{ id: 'corp', issuer: 'http://idp.example.com', clientId }] }, providerId: 'corp' })));
    expect(error.code).toBe(ErrorCodes.configInvalid);
    expect(error.message).toContain('providers[0].issuer: must use https');
  });
});
