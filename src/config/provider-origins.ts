/**
 * The origins the extension talks to for a provider, for asking the optional host permission
 * that lets it reach an IdP that does not answer cross-origin requests from extensions.
 */
import { presetById } from './presets';
import type { Provider } from './types';

/** Origins of the provider's endpoints known before discovery, issuer first. */
export function originsFor(provider: Provider): string[] {
  const urls = provider.oauth ? [provider.oauth.authorizationEndpoint, provider.oauth.userInfoEndpoint] : [provider.issuer];
  const origins = [...urls.map((url) => new URL(url).origin), ...(presetById(provider.preset)?.extraOrigins ?? [])];
  return [...new Set(origins)];
}
