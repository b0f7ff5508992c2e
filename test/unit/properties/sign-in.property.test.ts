/**
 * Whatever comes back from the browser's auth flow and the IdP's token endpoint, sign-in ends
 * with validated tokens or an ExtensionError that says what went wrong and what to do; never a
 * crash, never an unhandled rejection. Tokens come only from an answer to this very request.
 */
import fc from 'fast-check';
import type { Provider } from '../../../src/config/types';
import { ErrorCodes, ExtensionError } from '../../../src/errors';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import { clientId, fakeIdp, issuer, redirectUri, signJwt } from '../support/fake-idp';
import { failOnUnhandledRejection } from './no-unhandled-rejection';

// Hundreds of examples take seconds, several times longer on a loaded CI machine; the timeout
// only guards against a hang (speed is the benchmark's business).
jest.setTimeout(60_000);

failOnUnhandledRejection();

const provider: Provider = { id: 'corp', name: 'Corp SSO', issuer, clientId, scopes: 'openid', source: 'local' };
const codes = new Set<string>(Object.values(ErrorCodes));

/** Runs a sign-in and returns its result or its error, failing on anything but an ExtensionError. */
async function outcome(promise: Promise<unknown>): Promise<{ ok: true } | { ok: false; error: ExtensionError }> {
  try {
    await promise;
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ExtensionError)) throw new Error(`not an ExtensionError: ${String(error)}`, { cause: error });
    expect(codes.has(error.code)).toBe(true);
    expect(error.code).not.toBe(ErrorCodes.internal);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.hint?.length).toBeGreaterThan(5);
    return { ok: false, error };
  }
}

const param = fc.oneof(fc.string(), fc.constantFrom('code-1', 'STATE', '', issuer, 'https://evil.example.com', 'access_denied', 'login_required'));
const params = fc.array(fc.tuple(fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'response', 'id_token', fc.sample(fc.string(), 1)[0] ?? 'x'), param), { maxLength: 6 });
const base = fc.constantFrom(redirectUri, 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/other', 'https://evil.example.com/', 'http://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/');

describe('authorization responses', () => {
  it('accept only an answer to this request: right place, its state, one code', async () => {
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(base, params, fc.boolean(), fc.option(fc.string(), { nil: undefined }), async (where, pairs, keepState, raw) => {
        const idp = fakeIdp();
        const launch = async (url: string) => {
          // The fake IdP learns the request (and its nonce) as a real one would; the answer is ours.
          await idp.launchWebAuthFlow(url);
          if (raw !== undefined && pairs.length === 0) return raw;
          const state = new URL(url).searchParams.get('state') ?? '';
          const back = new URL(where);
          for (const [name, value] of pairs) back.searchParams.append(name, value === 'STATE' ? state : value);
          if (keepState && !back.searchParams.has('state')) back.searchParams.set('state', state);
          return back.href;
        };
        const result = await outcome(signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: launch, redirectUri }));
        const tokenRequests = idp.requests.filter((request) => request.url.endsWith('/token'));
        seen[result.ok ? 'ok' : 'refused'] += 1;
        if (result.ok) {
          const back = new URL(tokenRequests[0]?.body?.get('redirect_uri') ?? '');
          expect(back.href).toBe(redirectUri);
          expect(tokenRequests).toHaveLength(1);
          expect(tokenRequests[0]?.body?.getAll('code')).toHaveLength(1);
        }
        if (tokenRequests.length) expect(where).toBe(redirectUri);
      }),
      // Examples that must pass: the right place, this request's state and one code.
      { numRuns: 300, examples: [[redirectUri, [['code', 'code-1']], true, undefined]] },
    );
    // Both sides of the property were exercised.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});

const now = () => Math.floor(Date.now() / 1000);
const claimValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

describe('token responses and ID token claims', () => {
  it('hand over a token only when every check holds', async () => {
    const seen = { ok: 0, refused: 0 };
    const claims = fc.record({
      iss: fc.oneof({ weight: 3, arbitrary: fc.constant(issuer) }, { weight: 1, arbitrary: claimValue }),
      aud: fc.oneof({ weight: 3, arbitrary: fc.constant(clientId) }, { weight: 1, arbitrary: fc.constant([clientId, 'other']) }, { weight: 1, arbitrary: claimValue }),
      sub: fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1 }) }, { weight: 1, arbitrary: claimValue }),
      iat: fc.oneof({ weight: 3, arbitrary: fc.constant(now()) }, { weight: 1, arbitrary: claimValue }),
      exp: fc.oneof({ weight: 3, arbitrary: fc.constant(now() + 3600) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: now() - 3600 }) }, { weight: 1, arbitrary: claimValue }),
      nonce: fc.oneof({ weight: 3, arbitrary: fc.constant('NONCE') }, { weight: 1, arbitrary: claimValue }),
      'https://aws.amazon.com/tags': claimValue,
    }, { requiredKeys: ['iss', 'aud', 'iat', 'exp'] });
    const header = fc.oneof({ weight: 4, arbitrary: fc.constant({ alg: 'RS256', typ: 'JWT', kid: 'k1' }) }, { weight: 1, arbitrary: fc.record({ alg: fc.constantFrom('none', 'HS256', 'ES256', 'RS512', 'rs256'), kid: fc.constantFrom('k1', 'k2') }) });
    await fc.assert(
      fc.asyncProperty(claims, header, fc.boolean(), async (body, jwtHeader, forged) => {
        const idp = fakeIdp({
          claims: (nonce) => Object.fromEntries(Object.entries(body).map(([name, value]) => [name, value === 'NONCE' ? nonce : value])),
          idTokenHeader: jwtHeader,
          forgedSignature: forged,
        });
        const result = await outcome(signInWithProvider(provider, { fetch: idp.fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }));
        seen[result.ok ? 'ok' : 'refused'] += 1;
        if (result.ok) {
          expect(forged).toBe(false);
          expect(jwtHeader.alg).toBe('RS256');
          expect(body.iss).toBe(issuer);
          expect(body.nonce).toBe('NONCE');
          expect(typeof body.exp === 'number' && body.exp > now()).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('turn any token endpoint body into an error a user can read', async () => {
    const body = fc.oneof(fc.json(), fc.string(), fc.constant(JSON.stringify({ id_token: signJwt({ iss: issuer }), token_type: 'Bearer', access_token: 'a' })));
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 400, 401, 500), async (text, status) => {
        const idp = fakeIdp();
        const fetch = async (url: string | URL | Request, init?: RequestInit) =>
          (String(url).endsWith('/token') ? new Response(text, { status, headers: { 'content-type': 'application/json' } }) : idp.fetch(url, init));
        const result = await outcome(signInWithProvider(provider, { fetch, launchWebAuthFlow: idp.launchWebAuthFlow, redirectUri }));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
