/**
 * Silent refresh, end to end: the extension's "Refresh now" (issue 4's `refreshNow` action,
 * `{ providerId?, profileId? }`) from the page's message to the last profile's new credentials in
 * storage; and a refresh token of the benchmark's own for the bare requests beside it.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { REDIRECT_URI } from '../e2e/support/harness';
import type { Environment } from '../e2e/support/harness';
import { pkcePair, sandboxAuthorizationUrl } from '../e2e/support/sandbox-authorization-url';
import { timedAction, watchCredentials } from './control-page';

/** What the table says while the build has no refresh action. */
export const refreshActionMissing = 'silent refresh: needs the refresh action (issue 4)';

/** One extension refresh: ms from the message to the last new credentials stored, and to the answer. */
export interface ExtensionRefreshRun {
  stored: number;
  answered: number;
}

/**
 * Refreshes every profile of the provider through the extension, or returns `undefined` when the
 * build's message map has no `refreshNow`. The payload names the provider; a handler taking
 * `{ profileIds? }` instead reads it as "every signed-in profile", the same set here.
 */
export async function timeExtensionRefresh(control: Page, providerId: string, profileIds: readonly string[]): Promise<ExtensionRefreshRun | undefined> {
  const stored = await watchCredentials(control, profileIds);
  const { sentAt, answeredAt, reply } = await timedAction(control, 'refreshNow', { providerId });
  if (!reply?.ok && reply?.error.code === 'UNKNOWN_MESSAGE') return undefined;
  if (!reply?.ok) throw new Error(`refreshNow failed: ${JSON.stringify(reply)}`);
  return { stored: (await stored()) - sentAt, answered: answeredAt - sentAt };
}

interface IdentityScope {
  chrome: { identity: { launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined> } };
}

/**
 * A refresh token for the bare requests, separate from the extension's (refresh tokens rotate, and
 * using the extension's would spend it): a silent authorization (prompt=none, riding the IdP
 * session of the last sign-in) through the worker's web auth flow, redeemed from Node with PKCE.
 */
export async function obtainRefreshToken(env: Environment, tokenEndpoint: string): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const url = sandboxAuthorizationUrl(env.idp, REDIRECT_URI, challenge, { state: randomBytes(8).toString('hex'), prompt: 'none' });
  const redirect = await (await env.getWorker()).evaluate(
    (href) => (globalThis as unknown as IdentityScope).chrome.identity.launchWebAuthFlow({ url: href, interactive: false }),
    url,
  );
  const code = new URL(redirect ?? 'about:blank').searchParams.get('code');
  if (!code) throw new Error(`the silent authorization returned no code: ${redirect}`);
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: env.idp.clientId, redirect_uri: REDIRECT_URI }),
  });
  const tokens = await response.json() as { refresh_token?: string; error?: string };
  if (!tokens.refresh_token) throw new Error(`no refresh token from the code exchange: ${tokens.error ?? response.status}`);
  return tokens.refresh_token;
}
