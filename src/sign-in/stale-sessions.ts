/**
 * Which stored sign-ins configuration no longer backs: their provider was removed, or it now
 * names another issuer or client id. Their refresh tokens must not be sent to the provider as
 * configured now, and their credentials must not outlive them.
 */
import type { Configuration, Provider } from '../config/types';
import { providerSessionKey } from '../storage/keys';
import type { ProviderSession } from '../storage/records';
import { isBoundTo } from '../storage/session-binding';

/** A sign-in to end, with the provider as configured now when there still is one. */
export interface StaleSession {
  providerId: string;
  session: ProviderSession;
  /** Present when the provider still exists under another issuer or client id. */
  provider?: Provider;
  reason: 'removed' | 'rebound';
}

/** The stale sign-ins among session storage's items. */
export function staleSessions(config: Configuration, session: Record<string, unknown>): StaleSession[] {
  const prefix = providerSessionKey('');
  const stale: StaleSession[] = [];
  for (const [key, value] of Object.entries(session)) {
    if (!key.startsWith(prefix) || typeof value !== 'object' || value === null) continue;
    const providerId = key.slice(prefix.length);
    const stored = value as ProviderSession;
    const provider = config.providers.find((candidate) => candidate.id === providerId);
    if (!provider) stale.push({ providerId, session: stored, reason: 'removed' });
    else if (!isBoundTo(stored, provider)) stale.push({ providerId, session: stored, provider, reason: 'rebound' });
  }
  return stale;
}
