// AWS Signature Version 4 from the receiving side, for the STS stand-in: which access key signed a
// request, and the signature that key's secret gives. Covers what the AWS SDKs and CLI send to a
// Query API endpoint: a POST with the parameters in a form body.
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
import { createHash, createHmac } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/**
 * The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`
 * header, or undefined when the request is not signed that way.
 * @param {string | undefined} header
 */
export function parseAuthorization(header) {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([0-9a-f]+)$/.exec(header ?? '');
  if (!match) return undefined;
  const [, accessKeyId, scope, signedHeaders, signature] = match;
  return { accessKeyId, scope, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * The signature a request with this secret should carry.
 * @param {{ method: string, path: string, headers: Record<string, string | string[] | undefined>, body: string }} request
 *   as node:http received it (header names in lower case).
 * @param {ReturnType<typeof parseAuthorization> & object} authorization
 * @param {string} secretAccessKey
 */
export function expectedSignature(request, { scope, signedHeaders }, secretAccessKey) {
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const payloadHash = request.headers['x-amz-content-sha256'] ?? sha256(request.body);
  // The query string is empty: Query API clients put every parameter in the POST body.
  const canonicalRequest = [request.method, request.path, '', canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', request.headers['x-amz-date'], scope, sha256(canonicalRequest)].join('\n');
  const [date, region, service, terminator] = scope.split('/');
  const signingKey = [date, region, service, terminator].reduce(hmac, `AWS4${secretAccessKey}`);
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}
