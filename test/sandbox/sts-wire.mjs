// What the STS stand-in (sts-stand-in.mjs) says, in the shape of AWS STS's Query API: XML
// bodies in the 2011-06-15 namespace, and errors as `<ErrorResponse>` with a code the AWS SDKs
// turn into their exception classes.
// @see https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** A request STS refuses: its error code, message and HTTP status, as AWS sends them. */
export class StsRefusal extends Error {
  /**
   * @param {string} code e.g. `InvalidIdentityToken`
   * @param {string} message
   * @param {number} [status] 400 for bad input, 403 for failed authentication
   */
  constructor(code, message, status = 400) {
    super(message);
    this.name = 'StsRefusal';
    this.code = code;
    this.status = status;
  }
}

/** Escapes text for an XML element: token claims and session names are the caller's. */
function escape(value) {
  return String(value).replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** `{ A: 'x', B: { C: 'y' } }` as `<A>x</A><B><C>y</C></B>`, in the order given. */
function elements(fields) {
  return Object.entries(fields)
    .map(([name, value]) => `<${name}>${typeof value === 'object' ? elements(value) : escape(value)}</${name}>`)
    .join('');
}

/** The body of a successful `action`, with its result fields. */
export function resultXml(action, result, requestId) {
  return `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${elements(result)}</${action}Result>`
    + `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

/** The body of a refusal. */
export function errorXml(refusal, requestId) {
  const type = refusal.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${NAMESPACE}"><Error>${elements({ Type: type, Code: refusal.code, Message: refusal.message })}</Error>`
    + `<RequestId>${requestId}</RequestId></ErrorResponse>`;
}
