/**
 * Verifies an ID token that came through the front channel (implicit flow), where no TLS
 * connection to the token endpoint vouches for it: no critical header extension, its signature
 * against the issuer's JWKS (fetched over https only), then issuer, audience, authorized party,
 * expiry, `iat`, `nbf` and nonce: what oauth4webapi checks in the code flow. WebCrypto does the cryptography; no JOSE
 * library is needed for the JWS algorithms STS accepts.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitIDTValidation
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3 (JWS algorithms)
 */
import type * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import { isLoopbackHost } from '../config/field-checks';
import { ErrorCodes, ExtensionError } from '../errors';
import { base64UrlBytes, decodeJwtPart } from './decode-jwt';

/** How far clocks may disagree, in seconds. */
const clockSkew = 60;

type Verifier = { key: RsaHashedImportParams | EcKeyImportParams; verify: AlgorithmIdentifier | RsaPssParams | EcdsaParams; kty: string; crv?: string };

const verifiers: Readonly<Record<string, Verifier>> = Object.fromEntries(
  (['256', '384', '512'] as const).flatMap((bits) => {
    const hash = `SHA-${bits}`;
    const curve = bits === '512' ? 'P-521' : `P-${bits}`;
    return [
      [`RS${bits}`, { kty: 'RSA', key: { name: 'RSASSA-PKCS1-v1_5', hash }, verify: { name: 'RSASSA-PKCS1-v1_5' } }],
      [`PS${bits}`, { kty: 'RSA', key: { name: 'RSA-PSS', hash }, verify: { name: 'RSA-PSS', saltLength: Number(bits) / 8 } }],
      [`ES${bits}`, { kty: 'EC', crv: curve, key: { name: 'ECDSA', namedCurve: curve }, verify: { name: 'ECDSA', hash } }],
    ];
  }),
);

/** What verification needs besides the token. */
export interface VerifyIdTokenOptions {
  as: oauth.AuthorizationServer;
  nonce: string;
  fetch?: typeof fetch;
  /** Epoch seconds; the clock by default. */
  now?: number;
}

async function fetchKeys(provider: Provider, jwksUri: string, fetcher: typeof fetch): Promise<Record<string, unknown>[]> {
  let response: Response;
  try {
    response = await fetcher(jwksUri, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ExtensionError(ErrorCodes.idpUnreachable, `Could not fetch the signing keys of ${provider.name} from ${jwksUri}.`, {
      hint: `Check your network; if it blocks cross-origin requests, allow the extension to reach ${new URL(jwksUri).origin} in the options page.`,
      cause: error,
    });
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  const keys = (body as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) {
    throw new ExtensionError(ErrorCodes.discoveryFailed, `The signing keys of ${provider.name} at ${jwksUri} could not be read (HTTP ${response.status}).`, { hint: 'Check the issuer; its jwks_uri must serve a JSON Web Key Set.' });
  }
  return keys.filter((key): key is Record<string, unknown> => typeof key === 'object' && key !== null);
}

/**
 * Verifies `token` and returns its claims.
 * @throws ExtensionError with {@link ErrorCodes.idTokenInvalid} naming what failed
 */
export async function verifyIdToken(provider: Provider, token: string, options: VerifyIdTokenOptions): Promise<oauth.IDToken> {
  const reject = (reason: string, hint = 'Sign in again; if it repeats, check the provider settings.') =>
    new ExtensionError(ErrorCodes.idTokenInvalid, `${provider.name} returned an ID token that was rejected: ${reason}.`, { hint });
  const [headerPart = '', payloadPart = '', signaturePart = '', ...rest] = token.split('.');
  const header = decodeJwtPart(headerPart);
  const claims = decodeJwtPart(payloadPart);
  if (rest.length || !header || !claims) throw reject('it is not a JWT');
  const alg = typeof header.alg === 'string' ? header.alg : 'none';
  const announced = options.as.id_token_signing_alg_values_supported ?? ['RS256'];
  const verifier = verifiers[alg];
  if (!verifier || !announced.includes(alg) || !signaturePart) {
    throw reject(`it is unsigned or signed with an algorithm (${alg}) the provider does not announce`, 'AWS STS expects RS256-signed ID tokens; check the application\'s token signing settings at the identity provider.');
  }
  // A critical extension we do not implement means the token must not be accepted (RFC 7515 §4.1.11).
  if (header.crit !== undefined) throw reject(`its header marks extensions as critical (${JSON.stringify(header.crit)}) that this extension does not understand`);
  if (!options.as.jwks_uri) throw reject('the discovery document names no jwks_uri to check its signature against', 'Check the issuer URL.');
  // As in the code flow: keys fetched over plain http could be anyone's, except on this machine.
  const jwksUrl = URL.canParse(options.as.jwks_uri) ? new URL(options.as.jwks_uri) : undefined;
  if (!jwksUrl || !(jwksUrl.protocol === 'https:' || (jwksUrl.protocol === 'http:' && isLoopbackHost(jwksUrl.hostname)))) {
    throw reject(`its issuer's jwks_uri (${options.as.jwks_uri}) is not https, so its keys could be anyone's`, 'The identity provider must serve its signing keys over https.');
  }

  const keys = (await fetchKeys(provider, options.as.jwks_uri, options.fetch ?? fetch)).filter((key) =>
    key.kty === verifier.kty && (verifier.crv === undefined || key.crv === verifier.crv) && (key.use === undefined || key.use === 'sig')
    && (key.alg === undefined || key.alg === alg) && (header.kid === undefined || key.kid === header.kid));
  if (!keys.length) throw reject(`no key of the issuer's key set matches it (kid ${JSON.stringify(header.kid ?? null)}, ${alg})`, 'The issuer may have rotated its keys; sign in again.');
  const data = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  let verified = false;
  for (const jwk of keys) {
    try {
      const key = await crypto.subtle.importKey('jwk', jwk as JsonWebKey, verifier.key, false, ['verify']);
      if (await crypto.subtle.verify(verifier.verify, key, base64UrlBytes(signaturePart), data)) verified = true;
    } catch {
      // A key WebCrypto cannot import cannot have signed it; try the next.
    }
    if (verified) break;
  }
  if (!verified) throw reject('its signature does not match the issuer\'s keys (a forged or altered token)', 'Sign in again; if it repeats, something is tampering with the sign-in.');

  const now = options.now ?? Math.floor(Date.now() / 1000);
  const clientId = provider.clientId;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== options.as.issuer) throw reject(`its issuer is not ${options.as.issuer}`, 'Set the provider\'s issuer to exactly the "issuer" of its discovery document.');
  if (!audiences.includes(clientId)) throw reject(`its audience does not include the client id "${clientId}"`, 'Check the provider\'s clientId against the application registered with the identity provider.');
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== clientId) throw reject(`it was issued to another client than "${clientId}"`, 'Check the provider\'s clientId.');
  if (typeof claims.exp !== 'number' || claims.exp + clockSkew <= now) throw reject('it has already expired', 'Check that this computer\'s clock is right, then sign in again.');
  if (typeof claims.iat !== 'number' || claims.iat - clockSkew > now) throw reject('it is not valid yet', 'Check that this computer\'s clock is right, then sign in again.');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - clockSkew > now)) throw reject('it is not valid yet (nbf)', 'Check that this computer\'s clock is right, then sign in again.');
  if (claims.nonce !== options.nonce) throw reject('its nonce does not match this sign-in (a replayed or mixed-up response)', 'Sign in again; if it repeats, the identity provider is misbehaving.');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw reject('it has no "sub" claim', 'Check the identity provider\'s token settings.');
  return claims as unknown as oauth.IDToken;
}
