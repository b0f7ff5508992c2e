/**
 * The sandbox's STS stand-in (test/sandbox/sts-stand-in.mjs) against the AWS SDK and the
 * extension's own STS call, with an in-memory IdP behind its fetch: it gives credentials for a
 * token of the issuer it trusts, answers GetCallerIdentity for them, and refuses as STS does.
 */
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Profile, Provider } from '../../../src/config/types';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { startStsStandIn } from '../../../test/sandbox/sts-stand-in.mjs';
import type { StsStandIn } from '../../../test/sandbox/sts-stand-in.mjs';
import { clientId, fakeIdp, issuer, signJwt } from '../support/fake-idp';

const roleArn = 'arn:aws:iam::123456789012:role/Developer';
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({ iss: issuer, aud: clientId, sub: 'user-1', iat: now(), exp: now() + 600, ...extra });

let sts: StsStandIn;
beforeAll(async () => {
  sts = await startStsStandIn({ trust: { issuer, audiences: [clientId] }, fetch: fakeIdp().fetch as typeof fetch });
});
afterAll(() => sts?.close());

function client(credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) {
  return new STSClient({ endpoint: sts.endpoint, region: 'us-east-1', maxAttempts: 1, ...(credentials ? { credentials } : {}) });
}

async function assume(token: string, params: Partial<{ RoleArn: string; RoleSessionName: string; DurationSeconds: number }> = {}) {
  return client().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'wic-1', WebIdentityToken: token, ...params }));
}

/** What STS answered when it refused: the SDK's error name, STS's message and the HTTP status. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown as Error & { $metadata?: { httpStatusCode?: number } });
  if (!error) throw new Error('STS accepted the request');
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}

describe('AssumeRoleWithWebIdentity', () => {
  it('gives the extension credentials for a token of the trusted issuer', async () => {
    const provider: Provider = { id: 'sandbox', name: 'Sandbox IdP', issuer, clientId, scopes: 'openid', source: 'local' };
    const profile: Profile = { id: 'dev', name: 'Dev', providerId: 'sandbox', roleArn, partition: 'aws', accountId: '123456789012', roleName: 'Developer', region: 'us-east-1', durationSeconds: 3600, stsEndpoint: sts.endpoint, pinned: true, source: 'local' };

    const credentials = await assumeRoleWithWebIdentity({ profile, provider, idToken: signJwt(claims()), sessionName: 'wic-alice' });

    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toHaveLength(40);
    expect(credentials.assumedRoleArn).toBe('arn:aws:sts::123456789012:assumed-role/Developer/wic-alice');
    expect(credentials.expiration - Date.now()).toBeGreaterThan(3590_000);
    expect(credentials.expiration - Date.now()).toBeLessThanOrEqual(3600_000);
  });

  it('answers in AWS\'s shape, and GetCallerIdentity signed with those credentials names the assumed role', async () => {
    const output = await assume(signJwt(claims({ sub: 'alice' })), { DurationSeconds: 900 });
    expect(output).toMatchObject({
      SubjectFromWebIdentityToken: 'alice',
      Audience: clientId,
      Provider: issuer,
      AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/Developer/wic-1', AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:wic-1$/) },
    });
    const { AccessKeyId = '', SecretAccessKey = '', SessionToken = '', Expiration } = output.Credentials ?? {};
    expect(Expiration?.getTime()).toBeGreaterThan(Date.now() + 890_000);

    const identity = await client({ accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, sessionToken: SessionToken }).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: 'arn:aws:sts::123456789012:assumed-role/Developer/wic-1', Account: '123456789012', UserId: output.AssumedRoleUser?.AssumedRoleId });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    expect(await refusal(assume(signJwt(claims(), undefined, true)))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: `The web identity token's signature does not verify with any key ${issuer} publishes.`,
      status: 400,
    });
  });

  it.each([
    ['another audience', claims({ aud: 'someone-else' }), 'InvalidIdentityTokenException', 'Incorrect token audience'],
    ['another issuer', claims({ iss: 'https://evil.example' }), 'InvalidIdentityTokenException', 'No OpenIDConnect provider found in your account for https://evil.example'],
    ['an expired token', claims({ exp: now() - 5 }), 'ExpiredTokenException', /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/],
  ])('refuses %s', async (_what, tokenClaims, name, message) => {
    const answer = await refusal(assume(signJwt(tokenClaims)));
    expect(answer).toMatchObject({ name, status: 400 });
    expect(answer.message).toMatch(message);
  });

  it('accepts a token whose audiences include the client id', async () => {
    await expect(assume(signJwt(claims({ aud: ['other', clientId] })))).resolves.toMatchObject({ Audience: clientId });
  });

  it.each([
    ['alg none', signJwt(claims(), { alg: 'none' })],
    ['HS256', signJwt(claims(), { alg: 'HS256', kid: 'k1' })],
    ['not a JWT', 'not-a-jwt'],
  ])('refuses a token with %s', async (_what, token) => {
    expect((await refusal(assume(token))).name).toBe('InvalidIdentityTokenException');
  });

  it('says so when the issuer\'s keys cannot be fetched', async () => {
    const cutOff = await startStsStandIn({ trust: { issuer, audiences: [clientId] }, fetch: fakeIdp({ jwksDown: true }).fetch as typeof fetch });
    try {
      const answer = await refusal(new STSClient({ endpoint: cutOff.endpoint, region: 'us-east-1', maxAttempts: 1 })
        .send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'wic-1', WebIdentityToken: signJwt(claims()) })));
      expect(answer).toMatchObject({ name: 'IDPCommunicationErrorException', status: 400 });
    } finally {
      await cutOff.close();
    }
  });

  it.each([
    [{ RoleArn: 'arn:aws:iam::123:role/Dev' }, 'RoleArn must be arn:<partition>:iam::<12 digits>:role/<name>'],
    [{ RoleSessionName: 'has space' }, 'roleSessionName'],
    [{ DurationSeconds: 60 }, 'Member must be between 900 and 43200'],
  ])('validates %j as STS does', async (params, message) => {
    const answer = await refusal(assume(signJwt(claims()), params));
    expect(answer).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(answer.message).toContain(message);
  });
});

describe('GetCallerIdentity', () => {
  let issued: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  beforeAll(async () => {
    const { Credentials } = await assume(signJwt(claims()));
    issued = { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '', sessionToken: Credentials?.SessionToken ?? '' };
  });

  it.each([
    ['a wrong secret', () => ({ ...issued, secretAccessKey: `x${issued.secretAccessKey.slice(1)}` }), 'SignatureDoesNotMatch'],
    ['another session token', () => ({ ...issued, sessionToken: 'forged' }), 'InvalidClientTokenId'],
    ['an access key it never issued', () => ({ ...issued, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }), 'InvalidClientTokenId'],
  ])('refuses a request signed with %s', async (_what, credentials, name) => {
    expect(await refusal(client(credentials()).send(new GetCallerIdentityCommand({})))).toMatchObject({ name, status: 403 });
  });

  it('refuses an unsigned request', async () => {
    const response = await fetch(sts.endpoint, { method: 'POST', body: new URLSearchParams({ Action: 'GetCallerIdentity', Version: '2011-06-15' }) });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});

describe('the Query API around the calls', () => {
  it('answers a CORS preflight for the SDK\'s headers, and every answer allows any origin', async () => {
    const preflight = await fetch(sts.endpoint, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'amz-sdk-invocation-id,x-amz-user-agent' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('amz-sdk-invocation-id,x-amz-user-agent');

    const refused = await fetch(sts.endpoint, { method: 'POST', body: new URLSearchParams({ Action: 'AssumeRole' }) });
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toContain('x-amzn-requestid');
    const body = await refused.text();
    expect(body).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/);
    expect(body).toContain(`<RequestId>${refused.headers.get('x-amzn-requestid')}</RequestId>`);
  });
});
