/**
 * Refreshes profiles, one provider at a time: at most one ID token renewal per provider and one
 * STS call per profile in flight, whoever asks (alarm, popup, shortcut); STS calls of a provider's
 * profiles run in parallel with a cap. Results are written only while the sign-in they started
 * from is still the stored one, so a sign-out or a new sign-in meanwhile is never undone.
 */
import type { Configuration, Profile, Provider } from '../config/types';
import type { RefreshSettings } from '../config/refresh-settings';
import { stsConcurrency } from '../sign-in/sign-in-service';
import { credentialsRequestSummary, prepareCredentialsRequest } from '../cognito/credentials-request';
import type { CredentialsRequestSummary } from '../cognito/credentials-request';
import { credentialsDiagnostics } from '../diagnostics/credentials-diagnostics';
import { credentialsKey, profileDiagnosticsKey, profileStatusKey, providerSessionKey } from '../storage/keys';
import type { ProviderSession } from '../storage/records';
import { mapWithConcurrency } from '../util/map-with-concurrency';
import { singleFlight } from '../util/single-flight';
import { failureKind } from './failure-kind';
import type { FailureKind } from './failure-kind';
import { recordFailures } from './failure-records';
import type { ProfileFailure } from './failure-records';
import type { RefreshDeps } from './refresh-deps';
import { retryKey } from '../storage/keys';
import { obtainIdToken } from './obtain-id-token';
import { whileRefreshing } from './while-refreshing';
import type { TokenOutcome } from './obtain-id-token';

/** How one profile's refresh ended; `skipped` when its sign-in ended meanwhile. */
export type ProfileOutcome = { profileId: string; result: 'refreshed' | 'failed' | 'skipped' };

type StsOutcome = { ok: true } | { ok: false; stale: true } | { ok: false; stale?: false; error: unknown; kind: FailureKind };

/** Creates the refresher; its in-flight operations live as long as the service worker. */
export function createProviderRefresher(deps: RefreshDeps) {
  const tokens = singleFlight<TokenOutcome>();
  const calls = singleFlight<StsOutcome>();

  const token = (provider: Provider, config: Configuration, settings: RefreshSettings, force: boolean) =>
    tokens(provider.id, () => obtainIdToken(deps, provider, config, settings, force));

  async function assume(profile: Profile, provider: Provider, session: ProviderSession, sessionName: string): Promise<StsOutcome> {
    let request: CredentialsRequestSummary | undefined;
    try {
      const prepared = await prepareCredentialsRequest({ profile, provider, idToken: session.idToken, sessionName });
      request = credentialsRequestSummary(prepared);
      const credentials = await deps.assumeRole(prepared);
      // One read for the sign-in check and for a retry record to clear (there seldom is one).
      const stored = await deps.store.getMany([providerSessionKey(provider.id), retryKey(profile.id)]);
      if ((stored[providerSessionKey(provider.id)] as ProviderSession | undefined)?.signedInAt !== session.signedInAt) return { ok: false, stale: true };
      await Promise.all([
        deps.store.set({
          [credentialsKey(profile.id)]: credentials,
          [profileStatusKey(profile.id)]: { state: 'idle', updatedAt: deps.now() },
          [profileDiagnosticsKey(profile.id)]: credentialsDiagnostics(request, deps.now(), { credentials }),
        }),
        retryKey(profile.id) in stored ? deps.store.remove([retryKey(profile.id)]) : undefined,
      ]);
      return { ok: true };
    } catch (error) {
      // Details shows the refused call; the status and retry records are the failure records' business.
      if (request && (await deps.store.get<ProviderSession>(providerSessionKey(provider.id)))?.signedInAt === session.signedInAt) {
        await deps.store.set({ [profileDiagnosticsKey(profile.id)]: credentialsDiagnostics(request, deps.now(), { error }) });
      }
      return { ok: false, error, kind: failureKind(error) };
    }
  }

  async function assumeAll(profiles: Profile[], provider: Provider, session: ProviderSession): Promise<StsOutcome[]> {
    const sessionName = await deps.deriveSessionName(session.subject);
    const settled = await mapWithConcurrency(profiles, stsConcurrency, (profile) => calls(profile.id, () => assume(profile, provider, session, sessionName)));
    return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : { ok: false, error: outcome.reason, kind: 'transient' }));
  }

  async function refreshProvider(provider: Provider, requested: Profile[], config: Configuration, settings: RefreshSettings, manual: boolean): Promise<ProfileOutcome[]> {
    const outcome = (profile: Profile, result: ProfileOutcome['result']): ProfileOutcome => ({ profileId: profile.id, result });
    const obtained = await token(provider, config, settings, manual);
    if (!obtained.ok) {
      if (obtained.stale) return requested.map((profile) => outcome(profile, 'skipped'));
      if (obtained.session) await recordFailures(deps, requested.map((profile) => ({ profile, error: obtained.error })), obtained.session, obtained.kind);
      return requested.map((profile) => outcome(profile, 'failed'));
    }
    // The renewed token may list other roles (src/sign-in/claimed-roles.ts): a role it no longer
    // lists is no profile any more and must not get credentials back. Only profiles made from
    // the token can go that way, so the configuration is read again only when there are some.
    const configured = requested.some((profile) => profile.fromToken) ? new Set((await deps.readConfiguration()).profiles.map((profile) => profile.id)) : undefined;
    const profiles = configured ? requested.filter((profile) => configured.has(profile.id)) : requested;
    let results = await assumeAll(profiles, provider, obtained.session);
    // STS found the ID token expired (a clock off, or it ran out on the way): renew it once, try again.
    const again = profiles.filter((_profile, index) => {
      const result = results[index];
      return result && !result.ok && !result.stale && result.kind === 'token-expired';
    });
    if (again.length) {
      const renewed = await token(provider, config, settings, true);
      const retried: StsOutcome[] = renewed.ok
        ? await assumeAll(again, provider, renewed.session)
        : again.map(() => (renewed.stale ? { ok: false, stale: true } : { ok: false, error: renewed.error, kind: renewed.kind }));
      results = results.map((result, index) => retried[again.indexOf(profiles[index] as Profile)] ?? result);
    }
    const failed = new Map<FailureKind, ProfileFailure[]>();
    profiles.forEach((profile, index) => {
      const result = results[index];
      if (!result || result.ok || result.stale) return;
      failed.set(result.kind, [...(failed.get(result.kind) ?? []), { profile, error: result.error }]);
    });
    for (const [kind, group] of failed) await recordFailures(deps, group, obtained.session, kind);
    return requested.map((profile) => {
      const result = results[profiles.indexOf(profile)];
      return outcome(profile, result?.ok ? 'refreshed' : !result || result.stale ? 'skipped' : 'failed');
    });
  }

  return {
    /**
     * Refreshes `profiles`. A manual refresh always renews the ID token (the user asked for fresh
     * credentials, and it shows whether the IdP session is alive); an automatic one reuses a
     * token with enough life left.
     */
    async refresh(profiles: Profile[], config: Configuration, settings: RefreshSettings, manual: boolean): Promise<ProfileOutcome[]> {
      const byProvider = new Map<string, Profile[]>();
      for (const profile of profiles) byProvider.set(profile.providerId, [...(byProvider.get(profile.providerId) ?? []), profile]);
      const groups = await Promise.all([...byProvider].map(async ([providerId, group]) => {
        const provider = config.providers.find((candidate) => candidate.id === providerId);
        return provider ? whileRefreshing(deps, provider, group, () => refreshProvider(provider, group, config, settings, manual)) : group.map((profile): ProfileOutcome => ({ profileId: profile.id, result: 'skipped' }));
      }));
      return groups.flat();
    },
  };
}
