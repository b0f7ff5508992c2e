// Checks a web identity token as STS does for an account's IAM OIDC provider: the token's issuer
// must be the provider's, its signature must verify against a key the issuer publishes (found
// through its discovery document, fetched for every token so rotated keys are seen), one of its
// audiences must be a client id registered with the provider, and it must not have expired.
// @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
import { createPublicKey, verify } from 'node:crypto';
import { StsRefusal } from './sts-wire.mjs';

/** The signature algorithms OpenID Providers use, by JWS name: hash, key type and (EC) curve. */
const ALGORITHMS = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
  ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521' },
};

const invalid = (message) => new StsRefusal('InvalidIdentityToken', message);

function decodeJson(part, what) {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value;
  } catch {
    // Refused below.
  }
  throw invalid(`The web identity token's ${what} is not a JSON object.`);
}

async function getJson(fetchFn, url) {
  let response;
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new StsRefusal('IDPCommunicationError', `The identity provider could not be reached at ${url}: ${error.message}`);
  }
  if (!response.ok) throw invalid(`Couldn't retrieve verification key from your identity provider (${url} answered HTTP ${response.status}).`);
  return response.json();
}

/** The keys the issuer publishes at the jwks_uri of its discovery document. */
async function publishedKeys(issuer, fetchFn) {
  const discovery = await getJson(fetchFn, `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (discovery.issuer !== issuer) throw invalid(`The discovery document of ${issuer} names issuer ${discovery.issuer}.`);
  const jwks = await getJson(fetchFn, discovery.jwks_uri);
  return Array.isArray(jwks.keys) ? jwks.keys : [];
}

/**
 * The token's claims and the audience that matched, once every check passed.
 * @param {string} token a compact JWS
 * @param {{ issuer: string, audiences: string[], fetch?: typeof fetch, now?: number }} provider
 *   the trusted issuer and its client ids; `fetch` reaches the issuer (global fetch by default).
 * @returns {Promise<{ claims: Record<string, unknown>, audience: string }>}
 * @throws {StsRefusal} `InvalidIdentityToken`, `ExpiredTokenException` or `IDPCommunicationError`, as STS.
 */
export async function verifyWebIdentityToken(token, { issuer, audiences, fetch: fetchFn = fetch, now = Date.now() }) {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('The web identity token is not a signed JWT.');
  const [encodedHeader, encodedPayload, signature] = parts;
  const header = decodeJson(encodedHeader, 'header');
  const claims = decodeJson(encodedPayload, 'payload');
  const algorithm = ALGORITHMS[header.alg];
  if (!algorithm) throw invalid(`The web identity token is signed with ${JSON.stringify(header.alg)}; only RS256-512 and ES256-512 are accepted.`);
  if (claims.iss !== issuer) throw invalid(`No OpenIDConnect provider found in your account for ${claims.iss}`);

  const keys = (await publishedKeys(issuer, fetchFn)).filter((jwk) => jwk.kty === algorithm.kty
    && (!algorithm.crv || jwk.crv === algorithm.crv)
    && (header.kid === undefined || jwk.kid === header.kid)
    && jwk.use !== 'enc');
  const data = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  const signed = keys.some((jwk) => verify(
    algorithm.hash,
    data,
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  ));
  if (!signed) throw invalid(`The web identity token's signature does not verify with any key ${issuer} publishes.`);

  const audience = [claims.aud].flat().find((candidate) => audiences.includes(candidate));
  if (audience === undefined) throw invalid('Incorrect token audience');
  if (typeof claims.exp !== 'number') throw invalid('The web identity token has no exp claim.');
  if (now >= claims.exp * 1000) {
    throw new StsRefusal('ExpiredTokenException', `Token expired: current date/time ${Math.floor(now / 1000)} must be before the expiration date/time ${claims.exp}`);
  }
  return { claims, audience };
}
