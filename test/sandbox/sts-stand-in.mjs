// A small stand-in for AWS STS, served by the sandbox itself when moto_server is not installed:
// the two calls the sandbox needs, in the Query API's own shape, so the extension, the AWS SDKs
// and the AWS CLI talk to it as to STS. It is not AWS: it knows no IAM roles or trust policies
// (any well-formed role ARN can be assumed, as with moto), but unlike moto it checks tokens and
// signatures as STS does.
//   AssumeRoleWithWebIdentity  unsigned; the token must come from the one trusted issuer
//                              (web-identity-token.mjs). Issues ASIA… credentials.
//   GetCallerIdentity          SigV4-signed with credentials it issued, still valid.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { expectedSignature, parseAuthorization } from './sigv4.mjs';
import { LOOPBACK } from './ports.mjs';
import { StsRefusal, errorXml, resultXml } from './sts-wire.mjs';
import { verifyWebIdentityToken } from './web-identity-token.mjs';

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
// Letters and digits as AWS uses in key ids (base32's alphabet).
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const keyId = (prefix, length) => prefix + [...randomBytes(length)].map((byte) => KEY_ALPHABET[byte % 32]).join('');
/** AWS's timestamps: ISO 8601 in UTC, whole seconds. */
const awsTime = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Any web page may call STS (it answers CORS for every origin), as may the extension's background.
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-requestid, date' };

/**
 * Starts the stand-in on 127.0.0.1.
 * @param {object} options
 * @param {{ issuer: string, audiences: string[] }} options.trust the IAM OIDC provider it plays:
 *   the issuer whose tokens it accepts and the client ids they may be for.
 * @param {number} [options.port] a free one by default.
 * @param {typeof fetch} [options.fetch] how it reaches the issuer's discovery document and keys.
 */
export async function startStsStandIn({ trust, port = 0, fetch: fetchFn = fetch }) {
  /** Issued credentials by access key id; a sandbox lives for hours, so they are never pruned. */
  const issued = new Map();

  async function assumeRoleWithWebIdentity(params) {
    const roleArn = params.get('RoleArn') ?? '';
    const sessionName = params.get('RoleSessionName') ?? '';
    const durationSeconds = Number(params.get('DurationSeconds') ?? 3600);
    const role = ROLE_ARN.exec(roleArn);
    if (!role) throw new StsRefusal('ValidationError', `${roleArn} is invalid: RoleArn must be arn:<partition>:iam::<12 digits>:role/<name>`);
    if (!SESSION_NAME.test(sessionName)) throw new StsRefusal('ValidationError', `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{2,64}`);
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43_200) {
      throw new StsRefusal('ValidationError', `Value '${params.get('DurationSeconds')}' at 'durationSeconds' failed to satisfy constraint: Member must be between 900 and 43200`);
    }
    const { claims, audience } = await verifyWebIdentityToken(params.get('WebIdentityToken') ?? '', { ...trust, fetch: fetchFn });

    const [, partition, account, roleName] = role;
    const identity = {
      Arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      UserId: `${keyId('AROA', 17)}:${sessionName}`,
      Account: account,
    };
    const credentials = {
      AccessKeyId: keyId('ASIA', 16),
      SecretAccessKey: randomBytes(30).toString('base64'),
      SessionToken: randomBytes(180).toString('base64'),
      Expiration: awsTime(Date.now() + durationSeconds * 1000),
    };
    issued.set(credentials.AccessKeyId, { ...credentials, identity });
    return {
      Credentials: credentials,
      SubjectFromWebIdentityToken: String(claims.sub ?? ''),
      AssumedRoleUser: { AssumedRoleId: identity.UserId, Arn: identity.Arn },
      Provider: claims.iss,
      Audience: audience,
    };
  }

  function getCallerIdentity(request) {
    const authorization = parseAuthorization(request.headers.authorization);
    if (!authorization) throw new StsRefusal('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    const held = issued.get(authorization.accessKeyId);
    if (!held || request.headers['x-amz-security-token'] !== held.SessionToken) {
      throw new StsRefusal('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    }
    if (Date.parse(held.Expiration) <= Date.now()) throw new StsRefusal('ExpiredToken', 'The security token included in the request is expired', 403);
    if (expectedSignature(request, authorization, held.SecretAccessKey) !== authorization.signature) {
      throw new StsRefusal('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.', 403);
    }
    return held.identity;
  }

  async function answer(request) {
    if (request.method !== 'POST') throw new StsRefusal('InvalidAction', 'The STS Query API takes a POST with a form-encoded body.');
    const params = new URLSearchParams(request.body);
    const action = params.get('Action');
    if (action === 'AssumeRoleWithWebIdentity') return resultXml(action, await assumeRoleWithWebIdentity(params), request.id);
    if (action === 'GetCallerIdentity') return resultXml(action, getCallerIdentity(request), request.id);
    throw new StsRefusal('InvalidAction', `Could not find operation ${action} for version 2011-06-15 (this STS stand-in answers AssumeRoleWithWebIdentity and GetCallerIdentity).`);
  }

  const server = createServer((incoming, outgoing) => {
    if (incoming.method === 'OPTIONS') {
      // The AWS SDK sends headers of its own (amz-sdk-*, x-amz-user-agent), so browsers ask first.
      outgoing.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      }).end();
      return;
    }
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', async () => {
      const request = {
        id: randomUUID(),
        method: incoming.method ?? '',
        path: new URL(incoming.url ?? '/', 'http://stand-in').pathname,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      let status = 200;
      let body;
      try {
        body = await answer(request);
      } catch (error) {
        const refusal = error instanceof StsRefusal ? error : new StsRefusal('InternalFailure', error.message, 500);
        status = refusal.status;
        body = errorXml(refusal, request.id);
      }
      outgoing.writeHead(status, { ...CORS, 'content-type': 'text/xml', 'x-amzn-requestid': request.id }).end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, resolve);
  });
  const actualPort = server.address().port;
  return {
    endpoint: `http://${LOOPBACK}:${actualPort}`,
    port: actualPort,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
