/**
 * Sign-in as the user sees it: one sign-in per provider, then credentials for each of its
 * profiles, with progress and errors written to session storage for the popup. Pure logic over
 * injected boundaries, so the whole sequence is tested without a browser.
 */
import type { Configuration, Profile, Provider } from '../config/types';
import { profileDiagnosticsKey, providerDiagnosticsKey } from '../storage/keys';
import { ErrorCodes, ExtensionError, toUserFacingError } from '../errors';
import { IdTokenRejectedError } from '../oidc/id-token-rejected-error';
import type { SignInResult } from '../oidc/types';
import { credentialsRequestSummary, prepareCredentialsRequest } from '../cognito/credentials-request';
import type { PreparedCredentialsRequest } from '../cognito/credentials-request';
import { identitySubject } from '../cognito/identity-id-cache';
import { credentialsDiagnostics } from '../diagnostics/credentials-diagnostics';
import { mapWithConcurrency } from '../util/map-with-concurrency';
import { singleFlight } from '../util/single-flight';
import { claimedRolesKey, cognitoIdentityKey, credentialsKey, profileStatusKey, providerSessionKey, providerStatusKey, refreshingKey, renewalKey, retryKey } from '../storage/keys';
import type { Store } from '../storage/store';
import type { ActivityStatus, ProviderSession } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';
import { issuingProvider } from '../storage/session-binding';
import { claimedRolesItems } from './claimed-roles';
import { staleSessions } from './stale-sessions';

/** How many STS calls run at once when a provider has many profiles. */
export const stsConcurrency = 6;

/** The boundaries the service works through. */
export interface SignInServiceDeps {
  readConfiguration(): Promise<Configuration>;
  store: Store;
  signIn(provider: Provider, interactive: boolean): Promise<SignInResult>;
  /**
   * Sends the request {@link prepareCredentialsRequest} built (STS, or an identity pool); the same
   * request goes into the diagnostics.
   */
  assumeRole(request: PreparedCredentialsRequest): Promise<ProfileCredentials>;
  deriveSessionName(subject: string): Promise<string>;
  now(): number;
  /** Asks the IdP to revoke a signed-out provider's refresh token; best effort, after the local sign-out. */
  revokeRefreshToken?(provider: Provider, refreshToken: string): Promise<unknown>;
  /** Settles before any sign-in starts: the background's recovery of what a stopped worker left busy. */
  ready?: Promise<unknown>;
}

/** The result of one sign-in. */
export interface SignInOutcome {
  profiles: number;
  failed: number;
}

/** Creates the service; concurrent sign-ins to one provider share a single flow. */
export function createSignInService(deps: SignInServiceDeps) {
  const inFlight = singleFlight<SignInOutcome>();
  const status = (state: ActivityStatus['state'], extra: Record<string, unknown> = {}): ActivityStatus =>
    ({ state, updatedAt: deps.now(), ...extra }) as ActivityStatus;

  async function credentialsFor(profile: Profile, provider: Provider, session: ProviderSession, sessionName: string): Promise<void> {
    await deps.store.set({ [profileStatusKey(profile.id)]: status('busy', { step: 'Getting AWS credentials' }) });
    const prepared = await prepareCredentialsRequest({ profile, provider, idToken: session.idToken, sessionName });
    const request = credentialsRequestSummary(prepared);
    try {
      const credentials = await deps.assumeRole(prepared);
      const diagnostics = credentialsDiagnostics(request, deps.now(), { credentials });
      await deps.store.set({ [credentialsKey(profile.id)]: credentials, [profileStatusKey(profile.id)]: status('idle'), [profileDiagnosticsKey(profile.id)]: diagnostics });
    } catch (error) {
      // Earlier credentials stay: they remain valid until their own expiry.
      await deps.store.set({
        [profileStatusKey(profile.id)]: status('error', { error: toUserFacingError(error) }),
        [profileDiagnosticsKey(profile.id)]: credentialsDiagnostics(request, deps.now(), { error }),
      });
      throw error;
    }
  }

  async function run(providerId: string): Promise<SignInOutcome> {
    await deps.ready;
    const config = await deps.readConfiguration();
    const provider = config.providers.find((candidate) => candidate.id === providerId);
    if (!provider) {
      throw new ExtensionError(ErrorCodes.configInvalid, `No usable provider has id "${providerId}".`, { hint: 'Fix the provider in the options page.' });
    }
    await deps.store.set({ [providerStatusKey(provider.id)]: status('busy', { step: 'Waiting for sign-in' }) });
    let result: SignInResult;
    try {
      result = await deps.signIn(provider, true);
    } catch (error) {
      const rejected = error instanceof IdTokenRejectedError ? { [providerDiagnosticsKey(provider.id)]: { claims: error.unverifiedClaims, verified: false, receivedAt: deps.now() } } : {};
      await deps.store.set({ [providerStatusKey(provider.id)]: status('error', { error: toUserFacingError(error) }), ...rejected });
      throw error;
    }
    const session: ProviderSession = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      idToken: result.idToken,
      idTokenExpiresAt: result.idTokenExpiresAt,
      subject: result.subject,
      signedInAt: deps.now(),
      ...(result.refreshToken ? { refreshToken: result.refreshToken } : {}),
    };
    // The roles the token lists go in the same write as the session they belong to: a renewal of
    // an earlier sign-in that checked for its session before this write can then never pair its
    // roles with this sign-in.
    await deps.store.set({
      [providerSessionKey(provider.id)]: session,
      [providerStatusKey(provider.id)]: status('idle'),
      [providerDiagnosticsKey(provider.id)]: { claims: result.claims, verified: true, receivedAt: deps.now() },
      ...claimedRolesItems(provider, result.claims),
    });

    const sessionName = await deps.deriveSessionName(result.subject);
    // Read again: signing in can reveal profiles (roles listed in the token).
    const profiles = (await deps.readConfiguration()).profiles.filter((profile) => profile.providerId === provider.id);
    const settled = await mapWithConcurrency(profiles, stsConcurrency, (profile) => credentialsFor(profile, provider, session, sessionName));
    return { profiles: profiles.length, failed: settled.filter((outcome) => outcome.status === 'rejected').length };
  }

  /** Removes a provider's tokens, credentials, statuses, diagnostics and claimed roles, or everything. */
  async function forget(config: Configuration, providerId: string | undefined): Promise<void> {
    if (providerId === undefined) return deps.store.clear();
    const profiles = config.profiles.filter((profile) => profile.providerId === providerId).map((profile) => profile.id);
    await deps.store.remove([
      providerSessionKey(providerId),
      providerStatusKey(providerId),
      providerDiagnosticsKey(providerId),
      claimedRolesKey(providerId),
      ...profiles.flatMap((id) => [credentialsKey(id), profileStatusKey(id), profileDiagnosticsKey(id)]),
    ]);
  }

  /** Removes the identity ids the signed-out providers' pools gave (a full sign-out cleared them already). */
  async function forgetIdentityIds(config: Configuration, sessions: { provider: Provider; session: ProviderSession | undefined }[]): Promise<void> {
    const keys = await Promise.all(sessions.map(async ({ provider, session }) => {
      if (!session) return [];
      const subject = await deps.deriveSessionName(session.subject);
      return config.profiles.flatMap((profile) => (profile.providerId === provider.id && profile.cognito ? [cognitoIdentityKey(profile.cognito.identityPoolId, identitySubject(provider.id, subject))] : []));
    }));
    if (keys.flat().length) await deps.store.remove(keys.flat());
  }

  /** Revokes each refresh token at the issuer that issued it, never at the provider's current one. */
  async function revokeAll(sessions: readonly { provider?: Provider; providerId?: string; session?: ProviderSession | undefined }[]): Promise<void> {
    await Promise.all(sessions.map(({ provider, providerId, session }) => {
      if (!session?.refreshToken || typeof session.issuer !== 'string') return undefined;
      const issuer = issuingProvider(provider?.id ?? providerId ?? '', session, provider);
      return deps.revokeRefreshToken?.(issuer, session.refreshToken)?.catch(() => undefined);
    }));
  }

  return {
    /** Signs in interactively with a provider and gets credentials for all its profiles. */
    signIn(providerId: string): Promise<SignInOutcome> {
      return inFlight(providerId, () => run(providerId));
    },

    /** Forgets the tokens and credentials of one provider, or everything when no id is given. */
    async signOut(providerId?: string): Promise<void> {
      const config = await deps.readConfiguration();
      const signedOut = config.providers.filter((provider) => providerId === undefined || provider.id === providerId);
      const sessions = await Promise.all(signedOut.map(async (provider) => ({ provider, session: await deps.store.get<ProviderSession>(providerSessionKey(provider.id)) })));
      // Forget locally first: the IdP being slow or down must not delay or undo a sign-out.
      await forget(config, providerId);
      await forgetIdentityIds(config, sessions);
      await revokeAll(sessions);
    },

    /**
     * Ends the sessions whose provider was removed or now names another issuer or client id:
     * forgets their tokens and credentials and revokes the refresh token at the issuer that
     * issued it. Also forgets the credentials of profiles the configuration no longer has (deleted,
     * or a role the provider's token stopped listing). Runs whenever configuration changes.
     * @param session every item of session storage, read before the configuration
     */
    async endStaleSessions(session: Record<string, unknown>): Promise<string[]> {
      const config = await deps.readConfiguration();
      const stale = staleSessions(config, session);
      const profiles = new Set(config.profiles.map((profile) => profile.id));
      // `session` was read first, and a profile is configured before it has credentials: one missing now was dropped.
      const perProfile = [credentialsKey(''), profileStatusKey(''), profileDiagnosticsKey(''), retryKey(''), refreshingKey('')];
      const orphans = Object.keys(session).filter((key) => perProfile.some((prefix) => key.startsWith(prefix) && !profiles.has(key.slice(prefix.length))));
      if (!stale.length && !orphans.length) return [];
      for (const { providerId } of stale) await forget(config, providerId);
      await deps.store.remove([...orphans, ...stale.filter(({ reason }) => reason === 'removed').map(({ providerId }) => renewalKey(providerId))]);
      await revokeAll(stale);
      return stale.map(({ providerId }) => providerId);
    },
  };
}

/** The service's interface, for handlers and tests. */
export type SignInService = ReturnType<typeof createSignInService>;
