/**
 * A stand-in for the Amazon Cognito identity pool API on loopback, answering its JSON protocol
 * (`X-Amz-Target: AWSCognitoIdentityService.<Operation>`) with AWS's own bodies: credentials, and
 * the errors an emulator does not produce (an untrusted provider, a missing pool, throttling).
 */
import { startLoopbackAwsService } from './loopback-aws-service';

/** One canned answer. */
export interface CognitoAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** A recorded request: its operation (from X-Amz-Target), headers and JSON body. */
export interface CognitoRequest {
  operation: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** AWS's JSON error body for `type` (`NotAuthorizedException`...). */
export function cognitoError(type: string, message: string, status = 400): CognitoAnswer {
  return { status, body: { __type: type, message } };
}

/** The answer a trusting pool gives each operation. */
export function cognitoSuccess(request: CognitoRequest, { identityId = 'us-east-1:11111111-2222-3333-4444-555555555555', accessKeyId = 'ASIACOGNITO000000001', token = 'pool.open-id.token' } = {}): CognitoAnswer {
  switch (request.operation) {
    case 'GetId':
      return { status: 200, body: { IdentityId: identityId } };
    case 'GetOpenIdToken':
      return { status: 200, body: { IdentityId: request.body.IdentityId, Token: token } };
    case 'GetCredentialsForIdentity':
      return {
        status: 200,
        body: {
          IdentityId: request.body.IdentityId,
          // Epoch seconds, as the JSON protocol sends timestamps.
          Credentials: { AccessKeyId: accessKeyId, SecretKey: 'pool/secret+key', SessionToken: 'pool/session+token=', Expiration: Math.floor(Date.now() / 1000) + 3600 },
        },
      };
    default:
      return cognitoError('InvalidParameterException', `The stand-in does not serve ${request.operation}.`);
  }
}

/** Starts the stand-in; `answer` decides each response from the request. */
export async function startCognitoStandIn(answer: (request: CognitoRequest, index: number) => CognitoAnswer) {
  const requests: CognitoRequest[] = [];
  const service = await startLoopbackAwsService((headers, text) => {
    const target = String(headers['x-amz-target'] ?? '');
    const request = { operation: target.replace(/^AWSCognitoIdentityService\./, ''), headers, body: JSON.parse(text || '{}') as Record<string, unknown> };
    requests.push(request);
    const { status, body } = answer(request, requests.length - 1);
    return { status, contentType: 'application/x-amz-json-1.1', requestId: `00000000-0000-0000-0000-${String(requests.length).padStart(12, '0')}`, body: JSON.stringify(body) };
  });
  return { ...service, requests };
}
