/**
 * OpenID Connect sign-in: discovery, then the flow the provider is configured for (authorization
 * code with PKCE, implicit, or an OAuth 2.0 access token). Pure logic: the browser is reached only
 * through {@link SignInDeps}, so tests run it against a fake IdP.
 */
import type { Provider } from '../config/types';
import { signInWithAccessToken } from './access-token-flow';
import { signInWithCode } from './code-flow';
import { requestOptions, withDiscovery } from './discovery';
import { signInImplicit } from './implicit-flow';
import type { SignInDeps, SignInResult } from './types';

/**
 * Signs in with one provider and returns its validated tokens. With `interactive: false` the
 * request carries `prompt=none` and rides on the IdP's existing session, or fails with
 * {@link ErrorCodes.loginFailed} when the user is needed.
 */
export async function signInWithProvider(provider: Provider, deps: SignInDeps, interactive = true): Promise<SignInResult> {
  if (provider.oauth) return signInWithAccessToken(provider, deps, interactive);
  const options = requestOptions(provider, deps);
  return withDiscovery(provider, options, deps.discovery, (as) => {
    deps.onStep?.('discovery', `issuer ${as.issuer}; authorization at ${as.authorization_endpoint}; tokens at ${as.token_endpoint}`);
    return provider.flow === 'implicit' ? signInImplicit(provider, deps, as, interactive) : signInWithCode(provider, deps, as, options, interactive);
  });
}
