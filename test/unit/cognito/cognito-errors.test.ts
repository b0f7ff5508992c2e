/**
 * Every Cognito error the issue names, from AWS's JSON error bodies: the explanation a user reads,
 * how a refresh treats it, and the exact answer the diagnostics keep. In the basic flow, STS's
 * refusals point at the role's trust in Cognito.
 */
import { createCredentialsSender } from '../../../src/cognito/credentials-request';
import type { Provider } from '../../../src/config/types';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { ErrorCodes } from '../../../src/errors';
import type { ErrorCode } from '../../../src/errors';
import { failureKind } from '../../../src/refresh/failure-kind';
import type { FailureKind } from '../../../src/refresh/failure-kind';
import { storedIdentityIds } from '../../../src/storage/identity-ids';
import { stsErrorDetails } from '../../../src/sts/sts-error-details';
import { cognitoError, cognitoSuccess, startCognitoStandIn } from '../support/cognito-stand-in';
import type { CognitoAnswer } from '../support/cognito-stand-in';
import { memorySessionStore } from '../support/memory-session-store';
import { rejection } from '../support/rejection';
import { startStsStandIn, stsError } from '../support/sts-stand-in';

const pool = 'us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

function configured(endpoint: string, extra: Record<string, unknown> = {}) {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }],
    profiles: [{ id: 'pool', name: 'Pool', provider: 'corp', identityPoolId: pool, cognitoEndpoint: endpoint, ...extra }],
  }, [endpoint, extra.stsEndpoint].filter((url): url is string => typeof url === 'string').map((url) => new URL(url).origin)); // stand-ins on loopback, confirmed as a user would
  return { profile: config.profiles[0]!, provider: config.providers[0] as Provider };
}

async function outcome(answer: (operation: string) => CognitoAnswer) {
  const cognito = await startCognitoStandIn((request) => answer(request.operation));
  try {
    const { profile, provider } = configured(cognito.endpoint);
    const sender = createCredentialsSender({ identityIds: storedIdentityIds(memorySessionStore()) });
    const error = await rejection(sender.obtain({ profile, provider, idToken: 'a.b.c', sessionName: 'wic-1' }));
    return { error, details: stsErrorDetails(error), requests: cognito.requests.length, endpoint: cognito.endpoint };
  } finally {
    await cognito.close();
  }
}

describe('Cognito error bodies', () => {
  it.each<[string, string, ErrorCode, FailureKind, RegExp, RegExp]>([
    ['NotAuthorizedException', 'Token is not from a supported provider of this identity pool.', ErrorCodes.cognitoNotAuthorized, 'permanent',
      /^Identity pool us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d did not accept the token from Corp SSO \(GetId\): Token is not from a supported provider/,
      /^The pool expects the Logins key "idp\.example\.com"\. In identity pool .* OpenID Connect \(OIDC\): choose the IAM OIDC identity provider "idp\.example\.com" \(create it in IAM with provider URL https:\/\/idp\.example\.com and audience "abc"\)/],
    ['NotAuthorizedException', 'Invalid login token. Token expired: 1700000000 >= 1600000000', ErrorCodes.cognitoExpiredToken, 'token-expired', /expired before identity pool/, /Sign in again/],
    ['ResourceNotFoundException', 'IdentityPool \'us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\' not found.', ErrorCodes.cognitoNotFound, 'permanent', /was not found in us-east-1/, /Check the profile's identityPoolId and region/],
    ['InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.', ErrorCodes.cognitoPoolConfiguration, 'permanent',
      /has no usable role for this sign-in/, /"cognito-identity\.amazonaws\.com:aud" equal to "us-east-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" and "cognito-identity\.amazonaws\.com:amr" equal to "authenticated"/],
    ['ResourceConflictException', 'Logins already linked to another identity.', ErrorCodes.cognitoConflict, 'permanent', /links this sign-in to another identity/, /unlink or merge/],
    ['ExternalServiceException', 'Error fetching keys from the identity provider.', ErrorCodes.cognitoExternalService, 'transient', /could not check the token with Corp SSO/, /reachable from AWS/],
    ['InvalidParameterException', '1 validation error detected', ErrorCodes.cognitoInvalidParameter, 'permanent', /refused the GetId request for Pool/, /identityPoolId, accountId and roleArn/],
  ])('maps %s (%s)', async (type, message, code, kind, explained, hint) => {
    const { error, details } = await outcome(() => cognitoError(type, message));
    expect(error.code).toBe(code);
    expect(failureKind(error)).toBe(kind);
    expect(error.message).toMatch(explained);
    expect(error.hint).toMatch(hint);
    expect(details).toMatchObject({ code: type.replace(/Exception$/, ''), message, httpStatus: 400, fault: 'client' });
  });

  it('retries TooManyRequestsException, then says Cognito is throttling', async () => {
    const { error, requests } = await outcome(() => cognitoError('TooManyRequestsException', 'Rate exceeded'));
    expect(error.code).toBe(ErrorCodes.cognitoThrottled);
    expect(failureKind(error)).toBe('transient');
    expect(requests).toBe(3);
  }, 30_000);

  it('says the pool failed on its side on a 500', async () => {
    const { error } = await outcome(() => cognitoError('InternalErrorException', 'Internal error', 500));
    expect(error.code).toBe(ErrorCodes.cognitoUnavailable);
    expect(failureKind(error)).toBe('transient');
  }, 30_000);

  it('says when the endpoint cannot be reached', async () => {
    const { profile, provider } = configured('http://127.0.0.1:9');
    const error = await rejection(createCredentialsSender({ identityIds: storedIdentityIds(memorySessionStore()) }).obtain({ profile, provider, idToken: 'a.b.c', sessionName: 'wic-1' }));
    expect(error.code).toBe(ErrorCodes.cognitoUnreachable);
    expect(error.message).toBe('Could not reach Amazon Cognito at http://127.0.0.1:9.');
  }, 30_000);

  it('points STS\'s AccessDenied in the basic flow at the role\'s trust in the pool', async () => {
    const cognito = await startCognitoStandIn((request) => cognitoSuccess(request));
    const sts = await startStsStandIn(() => stsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403));
    try {
      const { profile, provider } = configured(cognito.endpoint, { cognitoFlow: 'basic', roleArn: 'arn:aws:iam::123456789012:role/Dev', stsEndpoint: sts.endpoint });
      const error = await rejection(createCredentialsSender({ identityIds: storedIdentityIds(memorySessionStore()) }).obtain({ profile, provider, idToken: 'a.b.c', sessionName: 'wic-1' }));
      expect(error.code).toBe(ErrorCodes.stsAccessDenied);
      expect(error.hint).toMatch(/^Role Dev must trust the identity pool: Federated principal "cognito-identity\.amazonaws\.com"/);
      expect(stsErrorDetails(error)).toMatchObject({ code: 'AccessDenied', httpStatus: 403 });
    } finally {
      await Promise.all([cognito.close(), sts.close()]);
    }
  });
});
