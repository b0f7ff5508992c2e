/**
 * Sign-out tells the IdP to forget the refresh token, so that a copy of it (from memory, from a
 * crash dump) stops working too. Best effort: an IdP without a revocation endpoint, or one that
 * cannot be reached, never keeps the user from signing out.
 * @see https://www.rfc-editor.org/rfc/rfc7009
 */
import * as oauth from 'oauth4webapi';
import type { Provider } from '../config/types';
import type { SignInDeps } from './types';
import { discover, requestOptions } from './discovery';

/** True when the IdP confirmed the revocation; false when it has no endpoint for it or failed. */
export async function revokeRefreshToken(provider: Provider, refreshToken: string, deps: Pick<SignInDeps, 'fetch'> = {}): Promise<boolean> {
  try {
    const options = requestOptions(provider, deps);
    const as = await discover(provider, options);
    if (!as.revocation_endpoint) return false;
    const response = await oauth.revocationRequest(as, { client_id: provider.clientId }, oauth.None(), refreshToken, {
      ...options,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    await oauth.processRevocationResponse(response);
    return true;
  } catch {
    return false;
  }
}
