/**
 * What every sign-in flow shares: the boundaries it works through, its steps, its result, and
 * the options of each request to the IdP.
 */
import type * as oauth from 'oauth4webapi';
import type { DiscoveryCache } from './discovery-cache';

/** The steps of a sign-in, in order, as "Test sign-in" reports them. */
export type SignInStep = 'discovery' | 'authorization' | 'token';

/** What sign-in needs from its surroundings. */
export interface SignInDeps {
  /** Opens the authorization URL and resolves with the URL the IdP redirected back to. */
  launchWebAuthFlow(url: string, interactive: boolean): Promise<string>;
  /** The redirect URI registered with the IdP (`https://<extension-id>.chromiumapp.org/`). */
  redirectUri: string;
  /** Replaces the global fetch, for tests. */
  fetch?: typeof fetch;
  /** Told when a step succeeds, with what it got (never a token). */
  onStep?(step: SignInStep, detail: string): void;
  /** Discovery documents fetched before; renewals pass one, an interactive sign-in asks the issuer. */
  discovery?: DiscoveryCache;
}

/** Tokens from a successful sign-in. */
export interface SignInResult {
  idToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  idTokenExpiresAt: number;
  subject: string;
  claims: oauth.IDToken;
  /** `access_token` when `idToken` holds an OAuth 2.0 access token (see {@link signInWithAccessToken}). */
  tokenKind?: 'access_token';
}

/** Options shared by every request to the IdP; typed loosely enough for both GET and POST. */
export interface RequestOptions {
  [oauth.customFetch]?: (url: string, init: RequestInit) => Promise<Response>;
  [oauth.allowInsecureRequests]?: boolean;
}
