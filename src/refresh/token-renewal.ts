/**
 * A fresh ID token for a provider without the user: the refresh token when the IdP issued one,
 * otherwise (or when the IdP refuses it) a silent sign-in with `prompt=none` riding the IdP's own
 * session. The renewed token must name the same subject as the sign-in it continues.
 */
import type { Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { RefreshedTokens } from '../oidc/refresh-id-token';
import type { SignInResult } from '../oidc/types';
import type { RenewalPath } from '../config/refresh-settings';
import type { ProviderSession } from '../storage/records';
import { failureKind } from './failure-kind';
import type { RenewalMethod } from '../storage/records';

/** The two ways to a fresh ID token. */
export interface TokenRenewalDeps {
  /** The refresh token grant (src/oidc/refresh-id-token.ts). */
  refreshIdToken(provider: Provider, refreshToken: string): Promise<RefreshedTokens>;
  /** `signInWithProvider(provider, deps, false)`: `prompt=none`, no window. */
  silentSignIn(provider: Provider): Promise<SignInResult>;
}

/**
 * The result of one renewal. `session` is what to store either way: on failure it may have lost
 * a refresh token the IdP refused, so that it is never sent again.
 */
export type RenewalOutcome =
  | { ok: true; session: ProviderSession; method: RenewalMethod; claims: Record<string, unknown> }
  | { ok: false; session: ProviderSession; error: unknown };

function sameSubject(provider: Provider, session: ProviderSession, subject: string): void {
  if (subject !== session.subject) {
    throw new ExtensionError(ErrorCodes.subjectChanged, `${provider.name} is now signed in as another user than the one who signed in here.`, {
      hint: 'Click Sign in to continue as that user, or sign out of the identity provider and back in as yourself.',
    });
  }
}

function withoutRefreshToken(session: ProviderSession): ProviderSession {
  const rest = { ...session };
  delete rest.refreshToken;
  return rest;
}

function renewed(session: ProviderSession, tokens: RefreshedTokens | SignInResult): ProviderSession {
  // A rotating IdP spent the old refresh token and sent a new one; one that does not rotate lets
  // the old one be used again.
  const refreshToken = tokens.refreshToken ?? session.refreshToken;
  const base = { ...withoutRefreshToken(session), idToken: tokens.idToken, idTokenExpiresAt: tokens.idTokenExpiresAt };
  return refreshToken ? { ...base, refreshToken } : base;
}

/**
 * Renews the ID token of a signed-in provider along `path`.
 * @param session the provider's stored session, with the refresh token to spend
 */
export async function renewProviderSession(provider: Provider, session: ProviderSession, path: RenewalPath, deps: TokenRenewalDeps): Promise<RenewalOutcome> {
  let current = session;
  if (path !== 'silent-sign-in' && session.refreshToken) {
    try {
      const tokens = await deps.refreshIdToken(provider, session.refreshToken);
      sameSubject(provider, session, tokens.subject);
      return { ok: true, session: renewed(session, tokens), method: 'refresh-token', claims: tokens.claims };
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'user-needed') current = withoutRefreshToken(session);
      if (path === 'refresh-token' || kind === 'transient') return { ok: false, session: current, error };
      // Refused or unusable: the IdP's own session may still carry a silent sign-in.
    }
  } else if (path === 'refresh-token') {
    const error = new ExtensionError(ErrorCodes.loginFailed, `${provider.name} issued no refresh token, so the sign-in cannot be renewed with one.`, {
      hint: 'Add "offline_access" to the provider\'s scopes and sign in again, or let the provider renew by silent sign-in in the options.',
    });
    return { ok: false, session, error };
  }
  try {
    const tokens = await deps.silentSignIn(provider);
    sameSubject(provider, current, tokens.subject);
    return { ok: true, session: renewed(current, tokens), method: 'silent-sign-in', claims: tokens.claims };
  } catch (error) {
    return { ok: false, session: current, error };
  }
}
