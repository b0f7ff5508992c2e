/**
 * Last line of defence for text that leaves the extension's control (a copied debug report, a
 * stored error message): anything shaped like a JWT, an AWS secret, an STS session token or an
 * opaque OAuth token is cut out, whatever put it there.
 */

const jwt = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
// Access key ids are not secret, but they pair with the secret; a report never needs them.
const accessKeyId = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
// An STS session token: hundreds of characters of base64 (`IQoJb3JpZ2luX2Vj…`, `FwoGZXIvYXdz…`).
const sessionToken = /(?<![\w+/=])[A-Za-z0-9+/]{100,}={0,2}(?![\w+/=])/g;
// A secret access key: 40 characters of base64 standing alone.
const secretKey = /(?<![\w+/=])[A-Za-z0-9+/]{40}(?![\w+/=])/g;
// An opaque token (refresh tokens of most IdPs, access tokens): 24 or more characters of the
// token alphabets standing alone, mixing upper case, lower case and digits the way random text
// does: the kind of character changes at almost every other one. Words, names such as
// `DeveloperReadOnly2024`, URLs, UUIDs and lowercase hex digests do not, and are left alone.
const opaqueCandidate = /(?<![\w.~+/=-])[\w.~+/-]{24,}={0,2}(?![\w.~+/=-])/g;
const kindOf = (char: string) => (/[A-Z]/.test(char) ? 'upper' : /[a-z]/.test(char) ? 'lower' : 'digit');
function looksRandom(text: string): boolean {
  if (!/[A-Z]/.test(text) || !/[a-z]/.test(text) || !/\d/.test(text)) return false;
  // Separators say nothing about randomness: count changes between letters and digits only.
  const chars = [...text.replace(/[^A-Za-z0-9]/g, '')];
  let changes = 0;
  for (let index = 1; index < chars.length; index += 1) if (kindOf(chars[index] ?? '') !== kindOf(chars[index - 1] ?? '')) changes += 1;
  return changes / chars.length >= 0.45;
}

/**
 * `text` with tokens and AWS keys replaced by a marker.
 * @param known secrets the caller holds (a refresh token it just sent), removed wherever they appear
 */
export function scrubSecrets(text: string, known: readonly string[] = []): string {
  const withoutKnown = known.filter((secret) => secret.length >= 8).reduce((current, secret) => current.split(secret).join('[token removed]'), text);
  return withoutKnown
    .replace(jwt, '[token removed]')
    .replace(accessKeyId, '[access key removed]')
    .replace(sessionToken, '[session token removed]')
    .replace(secretKey, '[secret removed]')
    .replace(opaqueCandidate, (match) => (looksRandom(match) ? '[token removed]' : match));
}
