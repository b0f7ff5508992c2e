/**
 * A provider's stored sign-in belongs to the issuer and client id that issued it. Configuration
 * can change under it (an edit, an import, a new policy, a provider removed); a refresh token
 * must then never go to the new issuer, which could be anyone.
 */
import type { Provider } from '../config/types';
import type { ProviderSession } from './records';

/** True while `provider` is still the issuer and client the session was signed in with. */
export function isBoundTo(session: Pick<ProviderSession, 'issuer' | 'clientId'>, provider: Pick<Provider, 'issuer' | 'clientId'>): boolean {
  return session.issuer === provider.issuer && session.clientId === provider.clientId;
}

/**
 * The provider as it was when the session was signed in: where its refresh token may be revoked.
 * `current` lends the other fields (name, scopes) when the provider still exists.
 */
export function issuingProvider(providerId: string, session: Pick<ProviderSession, 'issuer' | 'clientId'>, current?: Provider): Provider {
  return { ...(current ?? { id: providerId, name: providerId, scopes: 'openid', source: 'local' }), issuer: session.issuer, clientId: session.clientId };
}
