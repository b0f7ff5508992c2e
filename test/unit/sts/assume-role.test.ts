import type { Profile, Provider } from '../../../src/config/types';
import { ErrorCodes, ExtensionError } from '../../../src/errors';
import { rejection } from '../support/rejection';
import { assumeRoleWithWebIdentity } from '../../../src/sts/assume-role';
import { startStsStandIn, stsCredentials, stsError } from '../support/sts-stand-in';
import type { StsAnswer } from '../support/sts-stand-in';

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com/tenant', clientId: 'client-123', scopes: 'openid', source: 'local' };
const roleArn = 'arn:aws:iam::123456789012:role/Dev';

function profileAt(endpoint: string, durationSeconds = 3600): Profile {
  return { id: 'dev', name: 'Dev', providerId: 'corp', roleArn, partition: 'aws', accountId: '123456789012', roleName: 'Dev', region: 'eu-west-1', durationSeconds, stsEndpoint: endpoint, pinned: true, source: 'local' };
}

async function withStandIn<T>(answer: (index: number) => StsAnswer, body: (endpoint: string, requests: Awaited<ReturnType<typeof startStsStandIn>>['requests']) => Promise<T>): Promise<T> {
  const sts = await startStsStandIn((_request, index) => answer(index));
  try {
    return await body(sts.endpoint, sts.requests);
  } finally {
    await sts.close();
  }
}

async function failureFor(answer: StsAnswer): Promise<ExtensionError> {
  return withStandIn(
    () => answer,
    async (endpoint) => {
      const error = await assumeRoleWithWebIdentity({ profile: profileAt(endpoint), provider, idToken: 'header.payload.signature', sessionName: 'wic-1' }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ExtensionError);
      return error as ExtensionError;
    },
  );
}

describe('assumeRoleWithWebIdentity', () => {
  it('sends an unsigned AssumeRoleWithWebIdentity and returns the credentials', async () => {
    await withStandIn(
      () => stsCredentials(roleArn, 'wic-1', 3600),
      async (endpoint, requests) => {
        const credentials = await assumeRoleWithWebIdentity({ profile: profileAt(endpoint), provider, idToken: 'header.payload.signature', sessionName: 'wic-1' });
        expect(credentials).toMatchObject({
          accessKeyId: 'ASIAEXAMPLE000000001',
          secretAccessKey: 'secret/key+value',
          sessionToken: 'session/token+value=',
          assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Dev/wic-1',
          region: 'eu-west-1',
          sessionName: 'wic-1',
        });
        expect(credentials.expiration).toBeGreaterThan(Date.now() + 3500_000);
        expect(credentials.durationNote).toBeUndefined();
        const [request] = requests;
        expect(request?.headers.authorization).toBeUndefined();
        expect(Object.fromEntries(request?.params ?? [])).toEqual({
          Action: 'AssumeRoleWithWebIdentity',
          Version: '2011-06-15',
          RoleArn: roleArn,
          RoleSessionName: 'wic-1',
          WebIdentityToken: 'header.payload.signature',
          DurationSeconds: '3600',
        });
      },
    );
  });

  it('falls back to one hour when the duration exceeds the role maximum, and says so', async () => {
    await withStandIn(
      (index) => (index === 0 ? stsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.') : stsCredentials(roleArn, 'wic-1', 3600)),
      async (endpoint, requests) => {
        const credentials = await assumeRoleWithWebIdentity({ profile: profileAt(endpoint, 43200), provider, idToken: 't.t.t', sessionName: 'wic-1' });
        expect(requests.map((request) => request.params.get('DurationSeconds'))).toEqual(['43200', '3600']);
        expect(credentials.durationNote).toBe('Role Dev allows less than 43200 seconds, so these credentials last 3600 seconds. Lower durationSeconds or raise the role\'s maximum session duration.');
      },
    );
  });

  it.each([
    ['InvalidIdentityToken', 'Incorrect token audience', ErrorCodes.stsInvalidIdentityToken, 'STS rejected the ID token from Corp SSO: Incorrect token audience', 'create the IAM OIDC identity provider "idp.example.com/tenant" with audience "client-123"'],
    ['ExpiredTokenException', 'Token expired: current date/time 1 must be before the expiration date/time 0', ErrorCodes.stsExpiredToken, 'The ID token from Corp SSO expired before STS accepted it.', 'Sign in again'],
    ['IDPRejectedClaim', 'Token claims do not match', ErrorCodes.stsRejectedClaim, 'STS did not accept the token\'s claims for role Dev: Token claims do not match', '"idp.example.com/tenant:aud"'],
    ['AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', ErrorCodes.stsAccessDenied, 'Not allowed to assume role Dev in account 123456789012 with this sign-in: Not authorized to perform sts:AssumeRoleWithWebIdentity', '"arn:aws:iam::123456789012:oidc-provider/idp.example.com/tenant"'],
    ['IDPCommunicationError', 'Could not reach the identity provider', ErrorCodes.stsIdpCommunication, 'STS could not fetch the signing keys of Corp SSO: Could not reach the identity provider', 'reachable from AWS'],
    ['RegionDisabledException', 'STS is not activated in this region', ErrorCodes.stsRegionDisabled, 'STS is not activated in eu-west-1 for account 123456789012.', 'Activate the region'],
    ['ValidationError', '1 validation error detected: Value at roleSessionName failed', ErrorCodes.stsValidation, 'STS refused the request for Dev: 1 validation error detected: Value at roleSessionName failed', 'roleArn'],
    ['MalformedPolicyDocument', 'Syntax errors in policy.', ErrorCodes.stsPolicy, 'STS refused the session policy for Dev: Syntax errors in policy.', 'session policy'],
  ])('explains %s', async (code, message, expectedCode, expectedMessage, hintPart) => {
    const error = await failureFor(stsError(code, message, code === 'AccessDenied' ? 403 : 400));
    expect(error.code).toBe(expectedCode);
    expect(error.message).toBe(expectedMessage);
    expect(error.hint).toContain(hintPart);
  });

  it('says which duration the role refused when no shorter one helps', async () => {
    await withStandIn(
      () => stsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
      async (endpoint, requests) => {
        const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt(endpoint, 3600), provider, idToken: 't.t.t', sessionName: 'wic-1' }));
        expect(error.code).toBe(ErrorCodes.stsDurationTooLong);
        expect(error.message).toBe('Role Dev does not allow sessions of 3600 seconds.');
        expect(requests).toHaveLength(1);
      },
    );
  });

  it('retries throttling and reports it when it persists', async () => {
    await withStandIn(
      () => stsError('Throttling', 'Rate exceeded'),
      async (endpoint, requests) => {
        const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt(endpoint), provider, idToken: 't.t.t', sessionName: 'wic-1' }));
        expect(error.code).toBe(ErrorCodes.stsThrottled);
        expect(requests.length).toBeGreaterThan(1);
      },
    );
  }, 30_000);

  it('recovers from a passing 503 by retrying', async () => {
    await withStandIn(
      (index) => (index === 0 ? stsError('ServiceUnavailable', 'Service unavailable', 503) : stsCredentials(roleArn, 'wic-1', 3600)),
      async (endpoint, requests) => {
        const credentials = await assumeRoleWithWebIdentity({ profile: profileAt(endpoint), provider, idToken: 't.t.t', sessionName: 'wic-1' });
        expect(credentials.accessKeyId).toBe('ASIAEXAMPLE000000001');
        expect(requests).toHaveLength(2);
      },
    );
  }, 30_000);

  it('says STS is unreachable when nothing answers', async () => {
    const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt('http://127.0.0.1:9'), provider, idToken: 't.t.t', sessionName: 'wic-1' }));
    expect(error.code).toBe(ErrorCodes.stsUnreachable);
    expect(error.message).toBe('Could not reach STS at http://127.0.0.1:9.');
  }, 30_000);

  it('never echoes the token in an error', async () => {
    const error = await failureFor(stsError('InvalidIdentityToken', 'Couldn\'t retrieve verification key from your identity provider'));
    expect(`${error.message} ${error.hint}`).not.toContain('header.payload.signature');
  });
});

describe('an answer that is not STS', () => {
  it('says the answer could not be read rather than blaming the network', async () => {
    const server = await startStsStandIn(() => ({ status: 200, body: '<html>captive portal</html>' }));
    try {
      const error = await rejection(assumeRoleWithWebIdentity({ profile: profileAt(server.endpoint), provider, idToken: 't.t.t', sessionName: 'wic-1' }));
      expect(error.code).toBe(ErrorCodes.stsFailed);
      expect(error.message).toBe(`The answer of STS at ${server.endpoint} held no credentials.`);
    } finally {
      await server.close();
    }
  });
});
