/**
 * An OpenID Provider that lives on the test's clock: discovery, its signing keys, a token endpoint (code and
 * refresh token grants, refresh tokens rotated and a reused one ending its grant, as
 * oidc-provider does), the browser's web auth flow with an IdP session (interactive or
 * `prompt=none`), outages, and a log of every request for assertions.
 */
import { discoveryDocument, jsonResponse, publicJwks, signJwt } from './fake-idp';

/** One request the IdP saw. */
export interface IdpRequest {
  at: number;
  /** `keys`: the key set at jwks_uri, fetched to check ID token signatures. */
  kind: 'discovery' | 'keys' | 'authorize' | 'token';
  grant?: 'authorization_code' | 'refresh_token';
  interactive?: boolean;
  /** How it ended: tokens issued, the user needed, refused, or the IdP unreachable. */
  outcome: 'ok' | 'login_required' | 'invalid_grant' | 'down';
}

/** Options of {@link simulatedIdp}. */
export interface SimulatedIdpOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  /** The subject an interactive login signs in. */
  login?: string;
  idTokenSeconds?: number;
  /** The IdP's browser session ends this long after the login (no silent sign-in after). */
  sessionSeconds?: number;
  /** More claims for every ID token, read when each is issued (so a test can change them between tokens). */
  extraClaims?: () => Record<string, unknown>;
}

interface Grant {
  subject: string;
  revoked: boolean;
}

/** Builds the IdP; everything it knows is inspectable. */
export function simulatedIdp(options: SimulatedIdpOptions) {
  const { issuer, clientId, redirectUri, login = 'alice', idTokenSeconds = 3600, sessionSeconds = Infinity } = options;
  const requests: IdpRequest[] = [];
  const codes = new Map<string, { subject: string; nonce: string; offline: boolean }>();
  const refreshTokens = new Map<string, { grantId: number; consumed: boolean }>();
  const grants = new Map<number, Grant>();
  let browserSession: { subject: string; since: number } | undefined;
  let up = true;
  let counter = 0;
  /** Refresh tokens presented a second time: must stay zero. */
  let reused = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let dropNextAnswer = false;

  const now = () => Date.now();
  const sessionAlive = () => browserSession !== undefined && now() < browserSession.since + sessionSeconds * 1000;

  function tokens(subject: string, grantId: number | undefined, nonce?: string) {
    const iat = Math.floor(now() / 1000);
    const claims: Record<string, unknown> = { ...options.extraClaims?.(), iss: issuer, aud: clientId, sub: subject, iat, exp: iat + idTokenSeconds };
    if (nonce) claims.nonce = nonce;
    const body: Record<string, unknown> = { access_token: `access-${++counter}`, token_type: 'Bearer', expires_in: 3600, id_token: signJwt(claims) };
    if (grantId !== undefined) {
      const refreshToken = `refresh-${++counter}`;
      refreshTokens.set(refreshToken, { grantId, consumed: false });
      body.refresh_token = refreshToken;
    }
    return body;
  }

  function tokenRequest(body: URLSearchParams): { response: Response; entry: IdpRequest } {
    const grant = body.get('grant_type') as IdpRequest['grant'];
    const entry: IdpRequest = { at: now(), kind: 'token', outcome: 'ok', ...(grant ? { grant } : {}) };
    const refuse = () => {
      entry.outcome = 'invalid_grant';
      return { response: jsonResponse({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400), entry };
    };
    if (grant === 'authorization_code') {
      const code = codes.get(body.get('code') ?? '');
      codes.delete(body.get('code') ?? '');
      if (!code) return refuse();
      let grantId: number | undefined;
      if (code.offline) {
        grantId = ++counter;
        grants.set(grantId, { subject: code.subject, revoked: false });
      }
      return { response: jsonResponse(tokens(code.subject, grantId, code.nonce)), entry };
    }
    const token = refreshTokens.get(body.get('refresh_token') ?? '');
    const owner = token && grants.get(token.grantId);
    if (!token || !owner || owner.revoked) return refuse();
    if (token.consumed) {
      // Reuse of a rotated refresh token: treated as theft, the whole grant ends.
      reused += 1;
      owner.revoked = true;
      return refuse();
    }
    token.consumed = true;
    return { response: jsonResponse(tokens(owner.subject, token.grantId)), entry };
  }

  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = String(url instanceof Request ? url.url : url);
    const discovery = href === `${issuer}/.well-known/openid-configuration`;
    const keys = href === `${issuer}/jwks`;
    const entry: IdpRequest = { at: now(), kind: discovery ? 'discovery' : keys ? 'keys' : 'token', outcome: 'ok' };
    if (!up) {
      requests.push({ ...entry, outcome: 'down' });
      throw new TypeError('Failed to fetch');
    }
    if (discovery) {
      requests.push(entry);
      return jsonResponse(discoveryDocument(issuer));
    }
    if (keys) {
      requests.push(entry);
      return jsonResponse(publicJwks);
    }
    if (href !== `${issuer}/token`) return jsonResponse({ error: 'not_found' }, 404);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // A turn of the event loop, so that concurrent requests would overlap here.
      await new Promise((resolve) => setImmediate(resolve));
      const result = tokenRequest(new URLSearchParams(String(init?.body ?? '')));
      requests.push(result.entry);
      if (dropNextAnswer) {
        // Processed, but the answer never arrives (the connection dropped, the worker was stopped).
        dropNextAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return result.response;
    } finally {
      inFlight -= 1;
    }
  };

  /** The browser's identity.launchWebAuthFlow against this IdP. */
  const launchWebAuthFlow = async (url: string, interactive: boolean): Promise<string> => {
    const entry: IdpRequest = { at: now(), kind: 'authorize', interactive, outcome: 'ok' };
    requests.push(entry);
    if (!up) {
      entry.outcome = 'down';
      throw new Error('Authorization page could not be loaded.');
    }
    const params = new URL(url).searchParams;
    const back = new URL(params.get('redirect_uri') ?? redirectUri);
    back.searchParams.set('state', params.get('state') ?? '');
    if (!sessionAlive()) {
      if (params.get('prompt') === 'none' || !interactive) {
        entry.outcome = 'login_required';
        back.searchParams.set('error', 'login_required');
        return back.href;
      }
      browserSession = { subject: login, since: now() };
    }
    const code = `code-${++counter}`;
    codes.set(code, { subject: browserSession?.subject ?? login, nonce: params.get('nonce') ?? '', offline: (params.get('scope') ?? '').split(' ').includes('offline_access') });
    back.searchParams.set('code', code);
    return back.href;
  };

  return {
    issuer,
    fetch: fetch as typeof globalThis.fetch,
    launchWebAuthFlow,
    requests,
    sessionAlive,
    setUp(value: boolean) {
      up = value;
    },
    isUp: () => up,
    /** Ends the IdP's browser session: silent sign-in fails with login_required. */
    revokeSessions() {
      browserSession = undefined;
    },
    /** Ends every grant: refresh tokens fail with invalid_grant. */
    revokeGrants() {
      for (const grant of grants.values()) grant.revoked = true;
    },
    /** The next token request is processed but its answer is lost on the way back. */
    dropNextTokenAnswer() {
      dropNextAnswer = true;
    },
    /** Another user signs in at the IdP in this browser. */
    switchUser(subject: string) {
      browserSession = { subject, since: now() };
    },
    /** Interactive logins, i.e. prompts the user saw. */
    prompts: () => requests.filter((request) => request.kind === 'authorize' && request.interactive).length,
    reusedRefreshTokens: () => reused,
    maxConcurrentTokenRequests: () => maxInFlight,
  };
}

/** The IdP's interface. */
export type SimulatedIdp = ReturnType<typeof simulatedIdp>;
