/**
 * What the popup shows, derived from configuration and session storage at a given moment.
 * Pure, so expiry and every status can be tested at any instant.
 */
import type { ConfigProblem, Configuration, Profile, Provider } from '../config/types';
import { ErrorCodes } from '../errors';
import type { UserFacingError } from '../errors';
import { renewalView } from '../refresh/renewal-view';
import type { RenewalView } from '../refresh/renewal-view';
import { sessionReader } from '../refresh/session-reader';
import { credentialsKey, profileStatusKey, providerSessionKey, providerStatusKey } from '../storage/keys';
import type { ActivityStatus, ProviderSession } from '../storage/records';
import type { ProfileCredentials } from '../sts/credentials';

/** The state of one profile, as a user reads it. */
export type ProfileState =
  | { kind: 'signed-out' }
  /**
   * The provider is signed in, but this profile has had no credentials since: added after the
   * sign-in, or a role a renewed token listed. "Refresh now" gets them without a prompt.
   */
  | { kind: 'no-credentials' }
  | { kind: 'busy'; step: string }
  | { kind: 'valid'; credentials: ProfileCredentials; secondsLeft: number }
  /**
   * `notice`: the refresh schedule removed the credentials at their expiry and said when they
   * expired and what brings new ones; `expiredAt` is then when it did so.
   */
  | { kind: 'expired'; expiredAt: number; notice?: UserFacingError }
  | { kind: 'error'; error: UserFacingError };

/** One profile card. */
export interface ProfileView {
  profile: Profile;
  state: ProfileState;
  /** An error of the last attempt shown beside still-valid credentials. */
  lastError?: UserFacingError;
  /** The refresh schedule is getting new credentials for this profile right now. */
  refreshing?: boolean;
}

/** One provider section with its profiles. */
export interface ProviderView {
  provider: Provider;
  signedIn: boolean;
  busyStep?: string;
  error?: UserFacingError;
  profiles: ProfileView[];
  /** Where automatic renewal stands (src/refresh/renewal-view.ts). */
  renewal?: RenewalView;
}

/** An entry that cannot be used, with everything wrong with it. */
export interface BrokenEntry {
  kind: ConfigProblem['kind'];
  label: string;
  source: ConfigProblem['source'];
  problems: ConfigProblem[];
}

/** Everything the popup renders. */
export interface PopupView {
  providers: ProviderView[];
  broken: BrokenEntry[];
  warnings: ConfigProblem[];
  /** Nothing configured at all: the popup explains how to start. */
  empty: boolean;
}

function profileState(credentials: ProfileCredentials | undefined, status: ActivityStatus | undefined, signedIn: boolean, now: number): ProfileView['state'] {
  if (status?.state === 'busy') return { kind: 'busy', step: status.step };
  if (credentials && credentials.expiration > now) {
    return { kind: 'valid', credentials, secondsLeft: Math.floor((credentials.expiration - now) / 1000) };
  }
  if (status?.state === 'error' && status.error.code === ErrorCodes.credentialsExpired) return { kind: 'expired', expiredAt: status.updatedAt, notice: status.error };
  if (status?.state === 'error') return { kind: 'error', error: status.error };
  if (credentials) return { kind: 'expired', expiredAt: credentials.expiration };
  return signedIn ? { kind: 'no-credentials' } : { kind: 'signed-out' };
}

/** Groups problems by the entry they belong to; warnings go apart since the entry still works. */
function brokenEntries(problems: ConfigProblem[]): BrokenEntry[] {
  const entries = new Map<string, BrokenEntry>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const entryPath = problem.path.match(/^[a-z]+\[\d+\]/)?.[0] ?? problem.path;
    const key = `${problem.source}:${entryPath}`;
    const label = problem.id ?? entryPath;
    const entry = entries.get(key) ?? { kind: problem.kind, label, source: problem.source, problems: [] };
    entry.problems.push(problem);
    entries.set(key, entry);
  }
  return [...entries.values()];
}

/**
 * Builds the popup's view.
 * @param session everything in `storage.session`
 * @param now epoch milliseconds
 */
export function buildPopupView(config: Configuration, session: Record<string, unknown>, now: number): PopupView {
  const read = <T>(key: string) => session[key] as T | undefined;
  const reader = sessionReader(session);
  const providers = config.providers.map((provider): ProviderView => {
    const status = read<ActivityStatus>(providerStatusKey(provider.id));
    const providerSession = read<ProviderSession>(providerSessionKey(provider.id));
    const signedIn = providerSession !== undefined;
    const view: ProviderView = {
      provider,
      signedIn,
      profiles: config.profiles
        .filter((profile) => profile.providerId === provider.id)
        .map((profile): ProfileView => {
          const status = read<ActivityStatus>(profileStatusKey(profile.id));
          const state = profileState(read<ProfileCredentials>(credentialsKey(profile.id)), status, signedIn, now);
          const card: ProfileView = state.kind === 'valid' && status?.state === 'error' ? { profile, state, lastError: status.error } : { profile, state };
          if (reader.refreshing(profile, now)) card.refreshing = true;
          return card;
        }),
    };
    view.renewal = renewalView(provider, config, session, now);
    if (status?.state === 'busy') view.busyStep = status.step;
    if (status?.state === 'error') view.error = status.error;
    return view;
  });
  const broken = brokenEntries(config.problems);
  return {
    providers,
    broken,
    warnings: config.problems.filter((problem) => problem.severity === 'warning'),
    empty: providers.length === 0 && broken.length === 0,
  };
}

/** "59 min", "2 h 05 min", "45 s": time left in a form that reads at a glance. */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
