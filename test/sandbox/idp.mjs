// A local OpenID Provider for manual runs and end-to-end tests, built on oidc-provider.
// Any login name with any password signs in; consent is given automatically, so a person (or a
// test) only fills the login form. Run directly, it prints `{"issuer":...}` once it listens.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { isMain, parseArgs, serveAsChild } from './child.mjs';
import { LOOPBACK } from './ports.mjs';

/** The extension id is fixed by the manifest `key`, so its Chromium redirect URI is too. */
export const CHROMIUM_REDIRECT_URI = 'https://pphpgldbnphjbnncbdmijojinkfahdin.chromiumapp.org/';
export const DEFAULT_CLIENT_ID = 'web-identity-credentials';

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * In-memory storage we own, unlike oidc-provider's built-in adapter, so tests can end every
 * session (`revokeSessions`) or every grant and its tokens (`revokeGrants`).
 */
class SandboxStore {
  #entries = new Map();

  adapterFor = (model) => ({
    upsert: async (id, payload, expiresIn) => {
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      this.#entries.set(`${model}:${id}`, { model, payload, expiresAt });
    },
    find: async (id) => this.#get(`${model}:${id}`),
    findByUid: async (uid) => this.#find((entry) => entry.model === model && entry.payload.uid === uid),
    findByUserCode: async (code) => this.#find((entry) => entry.model === model && entry.payload.userCode === code),
    consume: async (id) => {
      const payload = this.#get(`${model}:${id}`);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    destroy: async (id) => {
      this.#entries.delete(`${model}:${id}`);
    },
    revokeByGrantId: async (grantId) => {
      this.deleteWhere((entry) => GRANTABLE.has(entry.model) && entry.payload.grantId === grantId);
    },
  });

  deleteWhere(predicate) {
    let count = 0;
    for (const [key, entry] of this.#entries) {
      if (predicate(entry)) {
        this.#entries.delete(key);
        count += 1;
      }
    }
    return count;
  }

  #get(key) {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  #find(predicate) {
    for (const [key, entry] of this.#entries) {
      if (predicate(entry)) return this.#get(key);
    }
    return undefined;
  }
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'sandbox-rs256', alg: 'RS256', use: 'sig' };
}

/**
 * oidc-provider drops offline_access from every authorization request whose prompt lacks
 * "consent" (checkScope in actions/authorization/scopes.js): a refresh token would need
 * prompt=consent and its consent page on every sign-in, and prompt=none could never yield one.
 * Extra param validators run after that check on every request, present or not: put
 * offline_access back when the client asked for it, the response includes a code and the client
 * may refresh.
 */
async function keepOfflineAccess(ctx, _value, client) {
  const raw = ctx.method === 'POST' ? ctx.oidc.body?.scope : ctx.query.scope;
  const requested = typeof raw === 'string' ? raw.split(' ') : [];
  const scopes = new Set(ctx.oidc.params.scope?.split(' ') ?? []);
  if (
    requested.includes('offline_access')
    && !scopes.has('offline_access')
    && String(ctx.oidc.params.response_type ?? '').split(' ').includes('code')
    && client.grantTypeAllowed('refresh_token')
  ) {
    ctx.oidc.params.scope = [...scopes, 'offline_access'].join(' ');
  }
}

/**
 * Starts the sandbox OpenID Provider on 127.0.0.1.
 * @param {object} [options]
 * @param {number} [options.port] 0 (the default) picks a free port.
 * @param {string} [options.clientId]
 * @param {string[]} [options.redirectUris] the Chromium one by default; add Firefox's beside it.
 * @param {Record<string, unknown>} [options.extraClaims] added to every account's ID token.
 * @param {Record<string, Record<string, unknown>>} [options.accounts] per-login claims, over extraClaims.
 * @param {Record<string, number>} [options.ttl] oidc-provider token lifetimes in seconds, e.g. `{ IdToken: 60 }`.
 * @param {boolean} [options.quiet] do not log flow errors to stderr.
 * @param {string} [options.issuer] the issuer URL when a proxy on loopback serves the IdP; its own address by default.
 * @param {boolean} [options.exactRedirectUris] accept only `redirectUris` themselves. By default a
 *   redirect URI ending in "/" also stands for itself followed by any provider id, since the
 *   extension gives each provider its own (`…chromiumapp.org/<provider id>`), and tests name
 *   providers freely. An honest IdP in the mix-up test registers one provider's URI exactly.
 */
export async function startIdp({
  port = 0,
  clientId = DEFAULT_CLIENT_ID,
  redirectUris = [CHROMIUM_REDIRECT_URI],
  extraClaims = {},
  accounts = {},
  ttl = {},
  quiet = false,
  issuer: issuerOverride,
  exactRedirectUris = false,
} = {}) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, resolve);
  });
  const actualPort = server.address().port;
  // A test may put a gate (that it can close) in front of the IdP; the issuer then names the gate.
  const issuer = issuerOverride ?? `http://${LOOPBACK}:${actualPort}`;
  const store = new SandboxStore();

  const accountClaimNames = Object.values(accounts).flatMap((claims) => Object.keys(claims));
  // Everything the sandbox knows about a person rides in the ID token under the openid scope,
  // since the extension asks only for "openid offline_access" and reads claims from the ID token.
  const openidClaims = [...new Set(['sub', 'email', 'email_verified', 'preferred_username', ...Object.keys(extraClaims), ...accountClaimNames])];

  const provider = new Provider(issuer, {
    adapter: store.adapterFor,
    clients: [{
      client_id: clientId,
      client_name: 'Web Identity Credentials (sandbox)',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
      response_types: ['code', 'id_token'],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: redirectUris,
    }],
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: openidClaims,
      email: ['email', 'email_verified'],
      profile: ['preferred_username'],
    },
    // By default oidc-provider keeps scope claims out of ID tokens issued next to an access token.
    conformIdTokenClaims: false,
    clientBasedCORS: () => true,
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    extraParams: { sandbox_keep_offline_access: keepOfflineAccess },
    ttl,
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${id}@example.test`,
            email_verified: true,
            preferred_username: id,
            ...extraClaims,
            ...accounts[id],
          };
        },
      };
    },
    // Auto-consent: the grant for our client always covers what is asked, so the consent prompt
    // never shows. Without this the dev interactions ask "Authorize?" after every new scope.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== session.accountId) {
        grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      }
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
  });

  if (!quiet) {
    const events = ['authorization.error', 'grant.error', 'server_error', 'userinfo.error', 'revocation.error', 'end_session.error'];
    for (const event of events) {
      provider.on(event, (_ctx, error) => {
        console.error(`[idp] ${event}: ${error.error ?? error.name}: ${error.error_description ?? error.message}`);
      });
    }
  }

  if (!exactRedirectUris) {
    // oidc-provider's recipe for redirect URI patterns: the check is a method of its client class.
    const exact = provider.Client.prototype.redirectUriAllowed;
    provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
      return exact.call(this, value) || this.redirectUris.some((base) => base.endsWith('/') && value.startsWith(base) && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value.slice(base.length)));
    };
  }

  server.on('request', provider.callback());

  return {
    issuer,
    port: actualPort,
    clientId,
    redirectUris,
    /** Ends every sign-in session: the next authorization needs the login form again. */
    revokeSessions: async () => store.deleteWhere((entry) => entry.model === 'Session' || entry.model === 'Interaction'),
    /** Ends every grant and the tokens issued under it: refresh tokens stop working. */
    revokeGrants: async () => store.deleteWhere((entry) => entry.model === 'Grant' || GRANTABLE.has(entry.model)),
    /**
     * Replaces what `accounts` says of one login, for the tokens issued from now on (an
     * administrator changing the user's groups). Only claims named at start reach the ID token.
     */
    setAccountClaims: async (login, claims) => {
      accounts[login] = claims;
    },
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

if (isMain(import.meta.url)) {
  // `--options '<json>'` passes every startIdp option at once (the e2e harness uses it); `--port` alone also works.
  const args = parseArgs();
  const options = typeof args.options === 'string' ? JSON.parse(args.options) : {};
  if (args.port !== undefined) options.port = Number(args.port);
  await serveAsChild(async () => {
    const idp = await startIdp(options);
    return {
      info: { issuer: idp.issuer, port: idp.port, clientId: idp.clientId, redirectUris: idp.redirectUris },
      close: idp.close,
      methods: { revokeSessions: idp.revokeSessions, revokeGrants: idp.revokeGrants, setAccountClaims: idp.setAccountClaims },
    };
  });
}
