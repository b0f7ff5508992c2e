/**
 * A stand-in for AWS STS on loopback that answers with AWS's own XML bodies, for the failures
 * an emulator does not produce (rejected tokens, throttling, durations above the role's maximum).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  const server = createServer((incoming, outgoing) => {
    // Browsers ask first (CORS preflight) since the SDK sends its own headers; STS allows any origin.
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-requestid' };
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '*',
      }).end();
      return;
    }
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      const request = { headers: incoming.headers, params: new URLSearchParams(body) };
      requests.push(request);
      const { status, body: xml } = answer(request, requests.length - 1);
      const requestId = /<RequestId>([^<]*)<\/RequestId>/.exec(xml)?.[1] ?? '';
      outgoing.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...cors }).end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
