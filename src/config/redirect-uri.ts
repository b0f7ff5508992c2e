/**
 * Each provider has its own redirect URI: the browser's redirect URI followed by the provider's
 * id (`https://<extension id>.chromiumapp.org/corp`). A sign-in accepts the answer only at its
 * provider's URI, so a provider that relays the authorization request to another IdP never
 * receives that IdP's code: the other IdP sends it to a URI that provider cannot complete on
 * (an IdP mix-up, RFC 9207 §1).
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-1
 */

/**
 * The redirect URI of a provider, from the browser's base URI (`identity.getRedirectURL()`);
 * equals what `identity.getRedirectURL(providerId)` answers.
 */
export function providerRedirectUri(base: string, providerId: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${providerId}`;
}
