/**
 * Answers a terminal's request (src/terminal/messages.ts) from what the extension holds: the
 * configuration, the terminal settings and `storage.session`. Credentials about to expire are
 * renewed first through the refresh service, silently; every failure ends in one of the
 * protocol's error codes with a message for the person at the terminal. Pure: the browser is
 * reached only through {@link TerminalAccessDeps}.
 */
import type { RefreshSettings } from '../config/refresh-settings';
import type { TerminalSettings } from '../config/terminal-settings';
import { terminalAllows } from '../config/terminal-settings';
import type { Configuration, Profile, Provider } from '../config/types';
import { isoExpiration } from '../format/iso-expiration';
import { sessionReader } from '../refresh/session-reader';
import type { SessionReader } from '../refresh/session-reader';
import type { Store } from '../storage/store';
import type { ProfileCredentials } from '../sts/credentials';
import { TerminalError, TerminalErrorCodes } from '../terminal/error-codes';
import { WAIT_ANSWER_TIMEOUT_MS } from '../terminal/limits';
import type { CredentialsRequest, CredentialsResult, EnvRequest, ExtensionStatusResult, ProfileStatus, TerminalRequest, TerminalResponse } from '../terminal/messages';
import { scrubSecrets } from '../util/scrub-secrets';
import { createTerminalAudit } from './audit';
import { needsSignIn, notAllowed, notSignedIn, refreshFailed, unknownProfile } from './terminal-messages';

/** The boundaries request handling works through. */
export interface TerminalAccessDeps {
  readConfiguration(): Promise<Configuration>;
  readRefreshSettings(): Promise<RefreshSettings>;
  readTerminalSettings(): Promise<TerminalSettings>;
  /** Everything in `storage.session`. */
  readSession(): Promise<Record<string, unknown>>;
  /** `storage.session`, for the audit list. */
  store: Store;
  /** The refresh service's "Refresh now" for these profiles (renews the ID token, then STS). */
  refreshNow(profileIds: string[]): Promise<unknown>;
  /** Shows the notification that allows terminal access to the profile when clicked. */
  askToAllow(profile: Profile, command: string): Promise<void>;
  /** Shows the browser's sign-in notification for the provider. */
  askToSignIn(provider: Provider): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Credentials fresh from STS last the profile's duration, less the time the call took: a request
 * for more (`wic`'s default 15 minutes from a 15-minute profile) is served the freshest instead
 * of failing on every call.
 */
const ISSUE_SLACK_SECONDS = 120;

/** How often a waiting request looks again, and how long before the host's deadline it gives up. */
const POLL_MS = 1000;
const WAIT_MARGIN_MS = 5000;

/** An unexpected error's text, scrubbed of anything key- or token-shaped, for the terminal. */
const describe = (error: unknown) => scrubSecrets(error instanceof Error ? error.message : String(error));

/** A profile's state for `wic status`. */
function profileStatus(profile: Profile, session: SessionReader, settings: TerminalSettings, now: number): ProfileStatus {
  const credentials = session.credentials(profile.id);
  const valid = credentials !== undefined && credentials.expiration > now;
  const state = !session.providerSession(profile.providerId) ? 'not-signed-in'
    : valid ? 'valid'
      : session.renewal(profile.providerId)?.state === 'needs-sign-in' ? 'needs-interactive-sign-in' : 'expired';
  return {
    profileId: profile.id,
    ...(profile.name !== profile.id ? { label: profile.name.slice(0, 200) } : {}),
    state,
    expiration: credentials ? isoExpiration(credentials.expiration, 'expiration') : null,
    allowed: terminalAllows(settings, profile.id),
  };
}

function wire(profile: Profile, credentials: ProfileCredentials): CredentialsResult {
  return {
    profileId: profile.id,
    credentials: {
      Version: 1,
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: isoExpiration(credentials.expiration, 'Expiration'),
      Region: credentials.region || profile.region,
    },
  };
}

/** Creates the handler; one per service worker. */
export function createTerminalRequestHandler(deps: TerminalAccessDeps) {
  /** Polls `check` until it holds or `deadline` passes; true when it held. */
  async function waitUntil(check: () => Promise<boolean>, deadline: number): Promise<boolean> {
    for (;;) {
      if (await check()) return true;
      if (deps.now() + POLL_MS > deadline) return false;
      await deps.sleep(POLL_MS);
    }
  }

  const readSession = async () => sessionReader(await deps.readSession());
  const audit = createTerminalAudit(deps.store);

  async function credentialsFor(request: CredentialsRequest | EnvRequest): Promise<CredentialsResult> {
    const deadline = request.wait ? deps.now() + WAIT_ANSWER_TIMEOUT_MS - WAIT_MARGIN_MS : 0;
    const config = await deps.readConfiguration();
    const profile = config.profiles.find((candidate) => candidate.id === request.profileId);
    const provider = config.providers.find((candidate) => candidate.id === profile?.providerId);
    if (!profile || !provider) throw unknownProfile(request.profileId);

    const allowed = async () => terminalAllows(await deps.readTerminalSettings(), profile.id);
    if (!(await allowed())) {
      await deps.askToAllow(profile, request.command);
      if (!request.wait || !(await waitUntil(allowed, deadline))) throw notAllowed(profile);
    }

    const signedInAt = async () => (await readSession()).providerSession(provider.id)?.signedInAt;
    /** Shows the sign-in notification; with `wait`, returns once a new sign-in happened. */
    const awaitSignIn = async (error: TerminalError, before: number | undefined) => {
      await deps.askToSignIn(provider);
      if (!request.wait || !(await waitUntil(async () => { const now = await signedInAt(); return now !== undefined && now !== before; }, deadline))) throw error;
    };

    const margin = (await deps.readRefreshSettings()).refreshMarginMinutes * 60;
    const wanted = Math.max(0, Math.min(request.minValidSeconds, profile.durationSeconds - ISSUE_SLACK_SECONDS));
    // Within the refresh margin (or short of what was asked), renew first, as the schedule would.
    const renewBelow = Math.max(wanted, Math.min(margin, profile.durationSeconds - ISSUE_SLACK_SECONDS));
    const lastsFor = (credentials: ProfileCredentials | undefined) => (credentials ? (credentials.expiration - deps.now()) / 1000 : -1);
    // A second pass follows a sign-in the user made while the request waited.
    for (let pass = 0; pass < 3; pass += 1) {
      let session = await readSession();
      const signedIn = session.providerSession(provider.id);
      if (!signedIn) {
        await awaitSignIn(notSignedIn(provider), undefined);
        continue;
      }
      const held = session.credentials(profile.id);
      if (lastsFor(held) >= renewBelow) return wire(profile, held as ProfileCredentials);
      if (session.renewal(provider.id)?.state !== 'needs-sign-in') {
        // Failures are stored for the popup (status, renewal record); they are read back below.
        await deps.refreshNow([profile.id]).catch(() => undefined);
        session = await readSession();
      }
      const fresh = session.credentials(profile.id);
      if (lastsFor(fresh) > wanted) return wire(profile, fresh as ProfileCredentials);
      if (session.renewal(provider.id)?.state === 'needs-sign-in') {
        await awaitSignIn(needsSignIn(provider), signedIn.signedInAt);
        continue;
      }
      const status = session.status(profile.id);
      throw refreshFailed(profile, status?.state === 'error' ? status.error.message : undefined);
    }
    throw notSignedIn(provider);
  }

  async function status(): Promise<ExtensionStatusResult> {
    const [config, settings, session] = await Promise.all([deps.readConfiguration(), deps.readTerminalSettings(), readSession()]);
    const now = deps.now();
    return { profiles: config.profiles.map((profile) => profileStatus(profile, session, settings, now)) };
  }

  /** Answers one request; never throws. */
  return async function handleTerminalRequest(request: TerminalRequest): Promise<TerminalResponse> {
    if (request.action === 'status') {
      try {
        return { ok: true, result: await status() };
      } catch (error) {
        return { ok: false, error: { code: TerminalErrorCodes.refreshFailed, message: `Could not read the extension's state: ${describe(error)}` } };
      }
    }
    const at = deps.now();
    let response: TerminalResponse;
    try {
      response = { ok: true, result: await credentialsFor(request) };
    } catch (error) {
      const known = error instanceof TerminalError ? error : new TerminalError(TerminalErrorCodes.refreshFailed, `The extension could not answer: ${describe(error)}`);
      response = { ok: false, error: known.body };
    }
    const command = request.action === 'env' ? `${request.command} (${request.format})` : request.command;
    await audit.record({ profileId: request.profileId, at, command: command.slice(0, 200), outcome: response.ok ? 'served' : response.error.code }).catch(() => undefined);
    return response;
  };
}

/** The handler's type, for the background and the port. */
export type TerminalRequestHandler = ReturnType<typeof createTerminalRequestHandler>;
