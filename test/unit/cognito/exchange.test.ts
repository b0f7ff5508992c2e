/**
 * The identity pool exchange against a stand-in of Cognito's JSON API (and of STS for the basic
 * flow): what each request carries, the identity id cache, and what the diagnostics keep.
 */
import { createCredentialsSender, credentialsRequestSummary, prepareCredentialsRequest } from '../../../src/cognito/credentials-request';
import type { Provider } from '../../../src/config/types';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { storedIdentityIds } from '../../../src/storage/identity-ids';
import { startCognitoStandIn, cognitoError, cognitoSuccess } from '../support/cognito-stand-in';
import { memorySessionStore } from '../support/memory-session-store';
import { startStsStandIn, stsCredentials } from '../support/sts-stand-in';

const pool = 'us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const idToken = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: 'user-1', email: 'a@example.com', email_verified: true })).toString('base64url')}.c2ln`;

function configured(profile: Record<string, unknown>, provider: Record<string, unknown> = { id: 'corp', issuer: 'https://idp.example.com/tenant/', clientId: 'abc' }) {
  // Whatever loopback stand-in the profile names stands confirmed, as a user who trusted it.
  const endpoints = [profile.cognitoEndpoint, profile.stsEndpoint].filter((value): value is string => typeof value === 'string');
  const config = validateConfiguration(undefined, { providers: [provider], profiles: [{ id: 'pool', provider: 'corp', ...profile }] }, endpoints.map((url) => new URL(url).origin));
  const [first] = config.profiles;
  if (!first || !config.providers[0]) throw new Error(JSON.stringify(config.problems));
  return { profile: first, provider: config.providers[0] as Provider };
}

async function withStandIns(answer: Parameters<typeof startCognitoStandIn>[0], run: (cognito: string, sts: string, stsRequests: URLSearchParams[]) => Promise<void>) {
  const cognito = await startCognitoStandIn(answer);
  const sts = await startStsStandIn((request) => stsCredentials(request.params.get('RoleArn') ?? '', request.params.get('RoleSessionName') ?? '', 3600, 'ASIABASICFLOW0000001'));
  try {
    await run(cognito.endpoint, sts.endpoint, sts.requests.map((request) => request.params));
    return { cognito: cognito.requests, sts: sts.requests.map((request) => request.params) };
  } finally {
    await Promise.all([cognito.close(), sts.close()]);
  }
}

describe('the enhanced flow', () => {
  it('sends GetId with the issuer\'s host and path as the Logins key, then GetCredentialsForIdentity with the named role, unsigned', async () => {
    const store = memorySessionStore();
    const sender = createCredentialsSender({ identityIds: storedIdentityIds(store) });
    let credentials;
    const { cognito } = await withStandIns((request) => cognitoSuccess(request), async (endpoint) => {
      const { profile, provider } = configured({ identityPoolId: pool, roleArn: 'arn:aws:iam::123456789012:role/Dev', accountId: '123456789012', cognitoEndpoint: endpoint });
      const prepared = await prepareCredentialsRequest({ profile, provider, idToken, sessionName: 'wic-abc' });
      credentials = await sender.send(prepared);
      expect(credentialsRequestSummary(prepared)).toEqual({
        endpoint, region: 'us-east-1', flow: 'enhanced (GetId, GetCredentialsForIdentity)', IdentityPoolId: pool, AccountId: '123456789012',
        LoginsKey: 'idp.example.com/tenant', CustomRoleArn: 'arn:aws:iam::123456789012:role/Dev',
      });
    });
    expect(cognito.map(({ operation, body }) => [operation, body])).toEqual([
      ['GetId', { IdentityPoolId: pool, Logins: { 'idp.example.com/tenant': idToken }, AccountId: '123456789012' }],
      ['GetCredentialsForIdentity', { IdentityId: 'us-east-1:11111111-2222-3333-4444-555555555555', Logins: { 'idp.example.com/tenant': idToken }, CustomRoleArn: 'arn:aws:iam::123456789012:role/Dev' }],
    ]);
    expect(cognito.every(({ headers }) => headers.authorization === undefined && headers['content-type'] === 'application/x-amz-json-1.1')).toBe(true);
    expect(credentials).toMatchObject({
      accessKeyId: 'ASIACOGNITO000000001', secretAccessKey: 'pool/secret+key', sessionToken: 'pool/session+token=', region: 'us-east-1',
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Dev/CognitoIdentityCredentials', sessionName: 'CognitoIdentityCredentials',
    });
    expect(store.items.get(`cognito-identity/${pool}/corp/wic-abc`)).toBe('us-east-1:11111111-2222-3333-4444-555555555555');
  });

  it('asks GetId once per pool and person, and again when the pool no longer knows the identity', async () => {
    const store = memorySessionStore();
    const sender = createCredentialsSender({ identityIds: storedIdentityIds(store) });
    let forgotten = false;
    const { cognito } = await withStandIns((request) => {
      if (request.operation === 'GetCredentialsForIdentity' && request.body.IdentityId === 'us-east-1:deleted' && !forgotten) {
        forgotten = true;
        return cognitoError('ResourceNotFoundException', 'Identity \'us-east-1:deleted\' not found.');
      }
      return cognitoSuccess(request);
    }, async (endpoint) => {
      const { profile, provider } = configured({ identityPoolId: pool, cognitoEndpoint: endpoint });
      await sender.obtain({ profile, provider, idToken, sessionName: 'wic-abc' });
      await sender.obtain({ profile, provider, idToken, sessionName: 'wic-abc' });
      await store.set({ [`cognito-identity/${pool}/corp/wic-abc`]: 'us-east-1:deleted' });
      await sender.obtain({ profile, provider, idToken, sessionName: 'wic-abc' });
    });
    expect(cognito.map(({ operation }) => operation)).toEqual(['GetId', 'GetCredentialsForIdentity', 'GetCredentialsForIdentity', 'GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
    expect(cognito[1]?.body).not.toHaveProperty('CustomRoleArn');
    expect(store.items.get(`cognito-identity/${pool}/corp/wic-abc`)).toBe('us-east-1:11111111-2222-3333-4444-555555555555');
  });

  it('uses the pool\'s own names for Login with Amazon\'s access tokens', async () => {
    const { cognito } = await withStandIns((request) => cognitoSuccess(request), async (endpoint) => {
      const { profile, provider } = configured({ identityPoolId: pool, cognitoEndpoint: endpoint }, { id: 'corp', type: 'oauth2', stsProviderId: 'www.amazon.com', clientId: 'amzn' });
      await createCredentialsSender({ identityIds: storedIdentityIds(memorySessionStore()) }).obtain({ profile, provider, idToken: 'Atza|token', sessionName: 'wic-abc' });
    });
    expect(cognito[0]?.body.Logins).toEqual({ 'www.amazon.com': 'Atza|token' });
  });
});

describe('the basic flow', () => {
  it('sends GetOpenIdToken, then AssumeRoleWithWebIdentity with the pool\'s token and the profile\'s session', async () => {
    let credentials;
    const { cognito, sts } = await withStandIns((request) => cognitoSuccess(request), async (endpoint, stsEndpoint) => {
      const { profile, provider } = configured({
        identityPoolId: pool, cognitoFlow: 'basic', roleArn: 'arn:aws:iam::123456789012:role/Dev', durationSeconds: 7200,
        cognitoEndpoint: endpoint, stsEndpoint, sessionNameTemplate: '{email}',
      });
      const prepared = await prepareCredentialsRequest({ profile, provider, idToken, sessionName: 'wic-abc' });
      expect(credentialsRequestSummary(prepared)).toMatchObject({ flow: 'basic (GetId, GetOpenIdToken, STS AssumeRoleWithWebIdentity)', stsEndpoint, RoleArn: 'arn:aws:iam::123456789012:role/Dev', RoleSessionName: 'a@example.com', DurationSeconds: 7200 });
      credentials = await createCredentialsSender({ identityIds: storedIdentityIds(memorySessionStore()) }).send(prepared);
    });
    expect(cognito.map(({ operation, body }) => [operation, body])).toEqual([
      ['GetId', { IdentityPoolId: pool, Logins: { 'idp.example.com/tenant': idToken } }],
      ['GetOpenIdToken', { IdentityId: 'us-east-1:11111111-2222-3333-4444-555555555555', Logins: { 'idp.example.com/tenant': idToken } }],
    ]);
    expect(Object.fromEntries(sts[0] ?? [])).toMatchObject({ Action: 'AssumeRoleWithWebIdentity', WebIdentityToken: 'pool.open-id.token', RoleArn: 'arn:aws:iam::123456789012:role/Dev', RoleSessionName: 'a@example.com', DurationSeconds: '7200' });
    expect(sts[0]?.has('ProviderId')).toBe(false);
    expect(credentials).toMatchObject({ accessKeyId: 'ASIABASICFLOW0000001', assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Dev/a@example.com' });
  });
});
