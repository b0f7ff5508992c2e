/**
 * Last line of defence for text that leaves the extension's control (a copied debug report, a
 * stored error message): anything shaped like a JWT or an AWS secret is cut out, whatever put it there.
 */

const jwt = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
// Access key ids are not secret, but they pair with the secret; a report never needs them.
const accessKeyId = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
// A secret access key: 40 characters of base64 standing alone.
const secretKey = /(?<![\w+/=])[A-Za-z0-9+/]{40}(?![\w+/=])/g;

/** `text` with tokens and AWS keys replaced by a marker. */
export function scrubSecrets(text: string): string {
  return text.replace(jwt, '[token removed]').replace(accessKeyId, '[access key removed]').replace(secretKey, '[secret removed]');
}
