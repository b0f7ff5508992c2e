/**
 * Where a provider's automatic renewal stands, as the popup and the toolbar title tell it.
 * Pure: derived from configuration, session storage and the time.
 */
import type { Configuration, Provider } from '../config/types';
import type { UserFacingError } from '../errors';
import { credentialsKey, providerSessionKey } from '../storage/keys';
import type { ProviderSession } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import { sessionReader } from './session-reader';
import { renewalKey } from '../storage/keys';
import type { RenewalMethod, RenewalRecord } from '../storage/records';

/**
 * - `signed-out`: nothing to say.
 * - `cleared`: the browser or extension restarted and took the session; sign in again.
 * - `signed-in`: signed in, nothing renewed yet.
 * - `alive`: the last renewal worked, so the IdP session lives.
 * - `unreachable`: the last attempt could not reach the IdP; retrying.
 * - `needs-sign-in`: the IdP wants the user; credentials stay until they expire.
 * - `failed`: the IdP refused renewal for a reason retrying does not fix.
 */
export type RenewalStatus = 'signed-out' | 'cleared' | 'signed-in' | 'alive' | 'unreachable' | 'needs-sign-in' | 'failed';

/** One provider's renewal, for display. */
export interface RenewalView {
  status: RenewalStatus;
  /** When the status was reached (epoch ms). */
  at?: number;
  method?: RenewalMethod;
  error?: UserFacingError;
  /** The soonest expiry among the provider's valid credentials. */
  validUntil?: number;
}

/** Derives the renewal view of a provider. */
export function renewalView(provider: Provider, config: Configuration, session: Record<string, unknown>, now: number): RenewalView {
  const signedIn = session[providerSessionKey(provider.id)] as ProviderSession | undefined;
  if (!signedIn) {
    const raw = session[renewalKey(provider.id)] as RenewalRecord | undefined;
    return raw?.state === 'cleared' ? { status: 'cleared', at: raw.at } : { status: 'signed-out' };
  }
  const expirations = config.profiles
    .filter((profile) => profile.providerId === provider.id)
    .map((profile) => (session[credentialsKey(profile.id)] as ProfileCredentials | undefined)?.expiration ?? 0)
    .filter((expiration) => expiration > now);
  const view: RenewalView = { status: 'signed-in', at: signedIn.signedInAt };
  if (expirations.length) view.validUntil = Math.min(...expirations);
  const record = sessionReader(session).renewal(provider.id);
  if (!record || record.state === 'cleared') return view;
  view.status = record.state === 'ok' ? 'alive' : record.state;
  view.at = record.at;
  if (record.method) view.method = record.method;
  if (record.error) view.error = record.error;
  return view;
}
