/**
 * Interactive sign-in overhead: from the IdP's redirect back to the extension (the request to
 * `https://<id>.chromiumapp.org/`, seen over CDP in the login window) to the moment an extension
 * page sees every profile's credentials in storage. What lies between is the extension's work:
 * the code exchange and ID token checks, the STS calls, the storage writes.
 */
import type { Page } from 'playwright-core';
import { REDIRECT_URI } from '../e2e/support/harness';
import type { Environment } from '../e2e/support/harness';
import { sendAction, watchCredentials, withTimeout } from './control-page';

interface RequestWillBeSent {
  request: { url: string };
  /** Seconds since the epoch. */
  wallTime: number;
}

/**
 * Signs in like a person (the IdP's session ended first, so the login form shows), and returns the
 * ms from the redirect back to the last profile's credentials stored.
 */
export async function timeInteractiveSignIn(env: Environment, control: Page, providerId: string, profileIds: readonly string[]): Promise<number> {
  await env.idp.revokeSessions();
  const stored = await watchCredentials(control, profileIds);
  const authWindow = env.waitForAuthWindow({ timeout: 60_000 });
  const reply = sendAction(control, 'signIn', { providerId });
  const login = await authWindow;
  const cdp = await env.context.newCDPSession(login);
  const redirected = new Promise<number>((resolve) => {
    cdp.on('Network.requestWillBeSent', (event: RequestWillBeSent) => {
      if (event.request.url.startsWith(REDIRECT_URI)) resolve(event.wallTime * 1000);
    });
  });
  await cdp.send('Network.enable');
  await env.loginOnIdp(login, 'alice');
  const [redirectedAt, storedAt, answer] = await Promise.all([
    withTimeout(redirected, 30_000, 'redirect to the extension'),
    stored(),
    reply,
  ]);
  if (!answer?.ok) throw new Error(`sign-in failed: ${JSON.stringify(answer)}`);
  return storedAt - redirectedAt;
}
