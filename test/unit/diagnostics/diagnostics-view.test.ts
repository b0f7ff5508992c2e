/**
 * The diagnostics a real sign-in leaves behind: the sign-in service with the real OIDC client
 * against the fake IdP and the real STS client against the stand-in, then the view and the
 * debug report built from what it stored.
 */
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { buildDebugReport } from '../../../src/diagnostics/debug-report';
import { buildDiagnosticsView } from '../../../src/diagnostics/diagnostics-view';
import { ErrorCodes } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { deriveSessionName } from '../../../src/sts/session-name';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { sendAssumeRole } from '../../../src/sts/assume-role';
import { clientId, fakeIdp, issuer, redirectUri } from '../support/fake-idp';
import type { FakeIdpOptions } from '../support/fake-idp';
import { memorySessionStore } from '../support/memory-session-store';
import { startStsStandIn, stsCredentials, stsError } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';

const roleArn = 'arn:aws:iam::123456789012:role/Dev';
const now = Math.floor(Date.now() / 1000);
const tags = { principal_tags: { team: ['platform'] }, transitive_tag_keys: ['team'] };
const environment = { extensionVersion: '9.9.9', userAgent: 'TestBrowser/1', now: Date.UTC(2030, 0, 1) };

async function signInAgainst(answer: StsAnswer, idpOptions: FakeIdpOptions = {}) {
  const sts = await startStsStandIn(() => answer);
  const idp = fakeIdp({
    refreshToken: 'refresh-secret-1',
    claims: (nonce) => ({ iss: issuer, aud: clientId, sub: 'alice', email: 'alice@example.com', amr: ['pwd'], iat: now, exp: now + 3600, nonce, 'https://aws.amazon.com/tags': tags }),
    ...idpOptions,
  });
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', name: 'Corp SSO', issuer, clientId }],
    profiles: [{ id: 'dev', name: 'Dev', provider: 'corp', roleArn, stsEndpoint: sts.endpoint }],
  }, [new URL(sts.endpoint).origin]);
  const store = memorySessionStore();
  const service = createSignInService({
    readConfiguration: async () => config,
    store,
    signIn: (provider) => signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }),
    assumeRole: sendAssumeRole,
    deriveSessionName,
    now: Date.now,
  });
  await service.signIn('corp').catch(() => undefined);
  await sts.close();
  const session = Object.fromEntries(store.items);
  return { session, config, view: buildDiagnosticsView(config, session, { profileId: 'dev' }), store };
}

/** Every secret the sign-in stored. */
function secretsIn(session: Record<string, unknown>): string[] {
  const provider = session['provider-session/corp'] as { idToken: string; refreshToken: string };
  const credentials = session['credentials/dev'] as { accessKeyId: string; secretAccessKey: string; sessionToken: string } | undefined;
  return [provider.idToken, provider.refreshToken, ...(credentials ? [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken] : [])];
}

describe('diagnostics after AccessDenied', () => {
  let result: Awaited<ReturnType<typeof signInAgainst>>;
  beforeAll(async () => {
    result = await signInAgainst(stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403));
  });

  it('shows the claims, the request without the token, and the exact answer', () => {
    const { view } = result;
    expect(view?.token).toMatchObject({ verified: true, claims: { iss: issuer, aud: clientId, sub: 'alice', amr: ['pwd'], 'https://aws.amazon.com/tags': tags } });
    expect(view?.sts?.request).toEqual({ endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), region: 'us-east-1', RoleArn: roleArn, RoleSessionName: expect.stringMatching(/^wic-[0-9a-f]{32}$/), DurationSeconds: 3600 });
    expect(view?.sts?.error).toEqual({ code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', httpStatus: 403, requestId: '00000000-0000-0000-0000-000000000000', attempts: 1, fault: 'client' });
    expect(view?.error?.code).toBe(ErrorCodes.stsAccessDenied);
    expect(view?.failedStep).toBe('STS AssumeRoleWithWebIdentity');
  });

  it('suggests a trust policy from the token, with sts:TagSession for its tags', () => {
    expect(result.view?.suggestion?.policy).toMatchObject({
      Statement: [{
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/idp.example.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { 'idp.example.com:aud': clientId, 'idp.example.com:sub': 'alice' } },
      }],
    });
  });

  it('writes a debug report with versions, configuration, step, answer and redacted claims, and no secret', () => {
    const report = buildDebugReport(result.view ?? fail('no view'), environment);
    expect(report).toContain('- Extension version: 9.9.9');
    expect(report).toContain('- Browser: TestBrowser/1');
    expect(report).toContain('- Failing step: STS AssumeRoleWithWebIdentity');
    expect(report).toContain('"code": "AccessDenied"');
    expect(report).toContain(`"roleArn": "${roleArn}"`);
    expect(report).toContain('"sub": "[redacted, 5 characters]"');
    expect(report).not.toContain('alice');
    for (const secret of secretsIn(result.session)) expect(report).not.toContain(secret);
    expect(report).not.toMatch(/eyJ/);
  });

  it('keeps no secret in the diagnostics it stores', () => {
    const stored = JSON.stringify([result.session['diagnostics/provider/corp'], result.session['diagnostics/profile/dev']]);
    for (const secret of secretsIn(result.session)) expect(stored).not.toContain(secret);
  });
});

describe('diagnostics in other cases', () => {
  it('offers no trust policy when STS issued credentials, and notes the success', async () => {
    const { view } = await signInAgainst(stsCredentials(roleArn, 'wic-x', 3600));
    expect(view?.suggestion).toBeUndefined();
    expect(view?.error).toBeUndefined();
    expect(view?.sts).toMatchObject({ request: { RoleArn: roleArn } });
    expect(view?.sts?.error).toBeUndefined();
  });

  it('suggests a trust policy for IDPRejectedClaim too', async () => {
    const { view } = await signInAgainst(stsError('IDPRejectedClaim', 'Token claims do not match'));
    expect(view?.suggestion?.subject).toBe('alice');
  });

  it('keeps the unverified claims of a rejected ID token and names the step', async () => {
    const { view, session } = await signInAgainst(stsCredentials(roleArn, 'wic-x', 3600), {
      claims: (nonce) => ({ iss: issuer, aud: 'another-client', sub: 'alice', iat: now, exp: now + 3600, nonce }),
    });
    expect(view?.token).toMatchObject({ verified: false, claims: { aud: 'another-client' } });
    expect(view?.failedStep).toBe('ID token checks');
    expect(view?.sts).toBeUndefined();
    expect(session['provider-session/corp']).toBeUndefined();
  });

  it('names the step when the IdP is down', async () => {
    const { view } = await signInAgainst(stsCredentials(roleArn, 'wic-x', 3600), { down: true });
    expect(view?.error?.code).toBe(ErrorCodes.idpUnreachable);
    expect(view?.failedStep).toBe('reaching the identity provider');
    expect(view?.token).toBeUndefined();
  });

  it('names nothing for an unknown profile', async () => {
    const { config, session } = await signInAgainst(stsCredentials(roleArn, 'wic-x', 3600));
    expect(buildDiagnosticsView(config, session, { profileId: 'nope' })).toBeUndefined();
    expect(buildDiagnosticsView(config, session, { providerId: 'corp' })?.profile).toBeUndefined();
  });
});
