/**
 * What the diagnostics page shows for one profile (or a provider without profiles), derived
 * from configuration and session storage. Pure, like the popup's view.
 */
import type { Configuration, Profile, Provider } from '../config/types';
import { ErrorCodes } from '../errors';
import type { UserFacingError } from '../errors';
import { profileStatusKey, providerSessionKey, providerStatusKey } from '../storage/keys';
import type { ActivityStatus } from '../storage/records';
import { profileDiagnosticsKey, providerDiagnosticsKey } from '../storage/keys';
import { cognitoSetupFor } from './cognito-setup';
import type { CognitoSetup } from './cognito-setup';
import { failingStep } from './failing-step';
import { suggestTrustPolicy } from './trust-policy';
import type { TrustPolicySuggestion } from './trust-policy';
import type { ProfileDiagnostics, ProviderDiagnostics } from '../storage/records';

/** Everything the diagnostics page renders. */
export interface DiagnosticsView {
  provider: Provider;
  profile?: Profile;
  signedIn: boolean;
  /** The last ID token's claims. */
  token?: ProviderDiagnostics;
  /** The error of the last attempt, the provider's first (sign-in), then the profile's (STS). */
  error?: UserFacingError;
  failedStep?: string;
  sts?: ProfileDiagnostics;
  /** For AccessDenied and IDPRejectedClaim: a trust policy that would accept this token. */
  suggestion?: TrustPolicySuggestion;
  /** For an identity pool profile the pool (or STS) refused: the pool's and the role's settings. */
  cognito?: CognitoSetup;
}

/** Which entry the page is about, from its URL. */
export interface DiagnosticsTarget {
  profileId?: string | null;
  providerId?: string | null;
}

const suggestFor: readonly string[] = [ErrorCodes.stsAccessDenied, ErrorCodes.stsRejectedClaim];

function errorOf(status: unknown): UserFacingError | undefined {
  const value = status as ActivityStatus | undefined;
  return value?.state === 'error' ? value.error : undefined;
}

/** Builds the view; `undefined` when the target names no usable provider or profile. */
export function buildDiagnosticsView(config: Configuration, session: Record<string, unknown>, target: DiagnosticsTarget): DiagnosticsView | undefined {
  const profile = target.profileId ? config.profiles.find((candidate) => candidate.id === target.profileId) : undefined;
  if (target.profileId && !profile) return undefined;
  const providerId = profile?.providerId ?? target.providerId;
  const provider = config.providers.find((candidate) => candidate.id === providerId);
  if (!provider) return undefined;

  const view: DiagnosticsView = { provider, signedIn: providerSessionKey(provider.id) in session };
  if (profile) view.profile = profile;
  const token = session[providerDiagnosticsKey(provider.id)] as ProviderDiagnostics | undefined;
  if (token) view.token = token;
  const sts = profile && (session[profileDiagnosticsKey(profile.id)] as ProfileDiagnostics | undefined);
  if (sts) view.sts = sts;
  const error = errorOf(session[providerStatusKey(provider.id)]) ?? (profile && errorOf(session[profileStatusKey(profile.id)]));
  if (error) {
    view.error = error;
    view.failedStep = failingStep(error.code);
    const cognito = profile && cognitoSetupFor(profile, provider, error.code);
    // A pool profile's role trusts Cognito, not the provider: the provider's trust policy would mislead.
    if (cognito) view.cognito = cognito;
    const suggestion = profile && token && !profile.cognito && suggestFor.includes(error.code) ? suggestTrustPolicy(token.claims, profile, provider) : undefined;
    if (suggestion) view.suggestion = suggestion;
  }
  return view;
}
