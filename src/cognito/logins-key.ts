/**
 * The key under which an identity pool expects a provider's token in `Logins`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/open-id.html
 */
import type { Provider } from '../config/types';
import { oidcProviderName } from '../sts/sts-errors';

/**
 * For an OpenID Connect provider, its issuer's host and path without `https://` (the name of its
 * IAM OIDC identity provider, which the pool lists); for Login with Amazon and Facebook, the
 * pool's built-in names `www.amazon.com` and `graph.facebook.com`.
 */
export function loginsKeyFor(provider: Provider): string {
  return provider.oauth ? provider.oauth.stsProviderId : oidcProviderName(provider.issuer);
}
