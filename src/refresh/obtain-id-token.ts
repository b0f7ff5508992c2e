/**
 * An ID token good enough for STS: the stored one while it has life left, otherwise a renewed
 * one. Records the provider's renewal state, notifies once when the IdP needs the user, and, when
 * the IdP is only unreachable, lets STS use a stored token that has not expired yet.
 */
import type { Configuration, Provider } from '../config/types';
import { ErrorCodes, ExtensionError, toUserFacingError } from '../errors';
import { renewalPathOf } from '../config/refresh-settings';
import type { RefreshSettings } from '../config/refresh-settings';
import { credentialsKey, providerDiagnosticsKey, providerSessionKey } from '../storage/keys';
import type { ProviderDiagnostics, ProviderSession } from '../storage/records';
import { isBoundTo } from '../storage/session-binding';
import type { ProfileCredentials } from '../sts/credentials';
import { failureKind } from './failure-kind';
import type { FailureKind } from './failure-kind';
import type { RefreshDeps } from './refresh-deps';
import { renewalKey } from '../storage/keys';
import type { RenewalMethod, RenewalRecord, RenewalState } from '../storage/records';
import { claimedRolesItems } from '../sign-in/claimed-roles';
import { renewProviderSession } from './token-renewal';

/** A stored ID token with at least this much life left is used as is for automatic refreshes. */
export const idTokenReuseMinMs = 10 * 60_000;
/** While the IdP is unreachable, a stored ID token with this much life left still goes to STS. */
export const idTokenFallbackMinMs = 60_000;

/** A token to use, or why there is none; `session` is the sign-in a failure belongs to. */
export type TokenOutcome =
  | { ok: true; session: ProviderSession }
  | { ok: false; stale: true }
  | { ok: false; stale?: false; error: unknown; kind: FailureKind; session?: ProviderSession };

const stateOf: Record<FailureKind, RenewalState> = { transient: 'unreachable', 'user-needed': 'needs-sign-in', permanent: 'failed', 'token-expired': 'failed' };

async function askToSignIn(deps: RefreshDeps, provider: Provider, config: Configuration, error: unknown): Promise<void> {
  const now = deps.now();
  const profiles = config.profiles.filter((profile) => profile.providerId === provider.id);
  const expirations = await Promise.all(profiles.map(async (profile) => (await deps.store.get<ProfileCredentials>(credentialsKey(profile.id)))?.expiration ?? 0));
  const valid = expirations.filter((expiration) => expiration > now);
  const until = valid.length ? ` Your AWS credentials stay valid until ${deps.formatClock(Math.min(...valid))}.` : '';
  await deps.notifications.askToSignIn(provider.id, `Sign in to ${provider.name}`, `${toUserFacingError(error).message}${until}`);
}

/** `previous` is the stored record, which callers read beside what they need themselves. */
async function record(deps: RefreshDeps, provider: Provider, config: Configuration, session: ProviderSession, state: RenewalState, extra: { method?: RenewalMethod; error?: unknown; items?: Record<string, unknown> }, previous: RenewalRecord | undefined): Promise<void> {
  const entry: RenewalRecord = { state, at: deps.now(), signedInAt: session.signedInAt };
  if (extra.method) entry.method = extra.method;
  if (extra.error !== undefined) entry.error = toUserFacingError(extra.error);
  // Once per sign-in and state: a restarted worker retrying the same refusal stays quiet.
  const tell = state === 'needs-sign-in' && !(previous?.signedInAt === session.signedInAt && previous.state === 'needs-sign-in' && previous.notified);
  if (state === 'needs-sign-in') entry.notified = true;
  // Written straight after the caller checked that the sign-in is still the stored one, with no
  // wait in between (a notification takes a round trip), so a sign-out or a new sign-in is never undone.
  await deps.store.set({ ...extra.items, [renewalKey(provider.id)]: entry });
  if (tell) await askToSignIn(deps, provider, config, extra.error);
  else if (state !== 'needs-sign-in' && previous?.notified) await deps.notifications.clear(provider.id);
}

/**
 * Gets an ID token for `provider`'s stored sign-in.
 * @param force renew even when the stored token has life left ("Refresh now")
 */
export async function obtainIdToken(deps: RefreshDeps, provider: Provider, config: Configuration, settings: RefreshSettings, force: boolean): Promise<TokenOutcome> {
  const session = await deps.store.get<ProviderSession>(providerSessionKey(provider.id));
  if (!session) {
    const error = new ExtensionError(ErrorCodes.notSignedIn, `Not signed in to ${provider.name}.`, { hint: 'Click Sign in.' });
    return { ok: false, error, kind: 'user-needed' };
  }
  if (!isBoundTo(session, provider)) {
    // The provider now names another issuer or client: its refresh token must not go there. The
    // background ends such a session (src/sign-in/stale-sessions.ts); until then nothing is sent.
    const error = new ExtensionError(ErrorCodes.notSignedIn, `${provider.name} changed its issuer or client id since you signed in.`, { hint: 'Click Sign in.' });
    return { ok: false, error, kind: 'user-needed' };
  }
  const now = deps.now();
  if (settings.maxSessionHours !== null && now >= session.signedInAt + settings.maxSessionHours * 3_600_000) {
    const error = new ExtensionError(ErrorCodes.sessionLifetimeReached, `Your sign-in to ${provider.name} reached the maximum session lifetime of ${settings.maxSessionHours} hours.`, {
      hint: 'Click Sign in to start a new session.',
    });
    await record(deps, provider, config, session, 'needs-sign-in', { error }, await deps.store.get<RenewalRecord>(renewalKey(provider.id)));
    return { ok: false, error, kind: 'user-needed', session };
  }
  if (!force && session.idTokenExpiresAt - now >= idTokenReuseMinMs) return { ok: true, session };

  const outcome = await renewProviderSession(provider, session, renewalPathOf(settings, provider.id), deps);
  const stored = await deps.store.getMany([providerSessionKey(provider.id), renewalKey(provider.id), providerDiagnosticsKey(provider.id)]);
  const latest = stored[providerSessionKey(provider.id)] as ProviderSession | undefined;
  const previous = stored[renewalKey(provider.id)] as RenewalRecord | undefined;
  // Signed out or signed in again meanwhile: this renewal belongs to nobody.
  if (latest?.signedInAt !== session.signedInAt) return { ok: false, stale: true };
  const items = outcome.session === session ? {} : { [providerSessionKey(provider.id)]: outcome.session };
  if (outcome.ok) {
    // The roles the renewed token lists replace those of the last token, and Details shows its
    // claims, with it, in one write; the claims of a rejected sign-in stay for the user to read.
    const rejectedShown = (stored[providerDiagnosticsKey(provider.id)] as ProviderDiagnostics | undefined)?.verified === false;
    const renewedItems = {
      ...items,
      ...claimedRolesItems(provider, outcome.claims, { renewal: true }),
      ...(rejectedShown ? {} : { [providerDiagnosticsKey(provider.id)]: { claims: outcome.claims, verified: true, receivedAt: deps.now() } satisfies ProviderDiagnostics }),
    };
    await record(deps, provider, config, session, 'ok', { method: outcome.method, items: renewedItems }, previous);
    return { ok: true, session: outcome.session };
  }
  const kind = failureKind(outcome.error);
  await record(deps, provider, config, session, stateOf[kind], { error: outcome.error, items }, previous);
  // The IdP is away, but STS still takes the stored token: credentials outlast the outage.
  if (kind === 'transient' && outcome.session.idTokenExpiresAt - deps.now() >= idTokenFallbackMinMs) return { ok: true, session: outcome.session };
  return { ok: false, error: outcome.error, kind, session: outcome.session };
}
