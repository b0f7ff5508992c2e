/**
 * A stand-in for AWS STS on loopback that answers with AWS's own XML bodies, for the failures
 * an emulator does not produce (rejected tokens, throttling, durations above the role's maximum).
 */
import { startLoopbackAwsService } from './loopback-aws-service';

/** One canned answer. */
export interface StsAnswer {
  status: number;
  body: string;
}

/** A recorded request: its headers and its form parameters. */
export interface StsRequest {
  headers: Record<string, string | string[] | undefined>;
  params: URLSearchParams;
}

/** AWS's error body for `code`. */
export function stsError(code: string, message: string, status = 400): StsAnswer {
  return {
    status,
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
  };
}

/** A successful AssumeRoleWithWebIdentity answer. */
export function stsCredentials(roleArn: string, sessionName: string, seconds: number, accessKeyId = 'ASIAEXAMPLE000000001'): StsAnswer {
  const [, partition, , , account, resource] = roleArn.split(':');
  const role = resource?.split('/').pop();
  const expiration = new Date(Date.now() + seconds * 1000).toISOString();
  return {
    status: 200,
    body: `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>user-1</SubjectFromWebIdentityToken><Audience>client-123</Audience><AssumedRoleUser><Arn>arn:${partition}:sts::${account}:assumed-role/${role}/${sessionName}</Arn><AssumedRoleId>AROAEXAMPLE:${sessionName}</AssumedRoleId></AssumedRoleUser><Credentials><SessionToken>session/token+value=</SessionToken><SecretAccessKey>secret/key+value</SecretAccessKey><Expiration>${expiration}</Expiration><AccessKeyId>${accessKeyId}</AccessKeyId></Credentials><Provider>idp.example.com</Provider></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000001</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
  };
}

/** Starts the stand-in; `answer` decides each response from the request. */
export async function startStsStandIn(answer: (request: StsRequest, index: number) => StsAnswer) {
  const requests: StsRequest[] = [];
  const service = await startLoopbackAwsService((headers, text) => {
    const request = { headers, params: new URLSearchParams(text) };
    requests.push(request);
    const { status, body } = answer(request, requests.length - 1);
    return { status, contentType: 'text/xml', requestId: /<RequestId>([^<]*)<\/RequestId>/.exec(body)?.[1] ?? '', body };
  });
  return { ...service, requests };
}
