/**
 * "Test sign-in": runs a provider's whole flow from the options page, possibly for a draft that
 * is not saved yet, and reports each step with what it got. It stores nothing: no token, no
 * credential, no status, so a test never disturbs the sessions in use.
 */
import type { Profile, Provider } from '../config/types';
import { validateConfiguration } from '../config/validate-configuration';
import { ErrorCodes, ExtensionError, toUserFacingError } from '../errors';
import type { UserFacingError } from '../errors';
import type { SignInDeps, SignInResult, SignInStep } from '../oidc/types';
import type { AssumeRoleRequest } from '../sts/assume-role';
import { profilesFromRoles, roleArnsFromClaims } from './claimed-roles';
import type { ProfileCredentials } from '../sts/credentials';

/** The steps a report lists, in order. */
export const testSteps = ['discovery', 'authorization', 'token', 'claims', 'sts'] as const;

/** One step's outcome. */
export interface TestStep {
  step: (typeof testSteps)[number];
  status: 'ok' | 'failed' | 'skipped';
  detail: string;
  error?: UserFacingError;
}

/** What a test found. */
export interface TestSignInReport {
  providerId: string;
  ok: boolean;
  steps: TestStep[];
}

/** Which provider to test, in which (possibly unsaved) local document. */
export interface TestSignInRequest {
  document: unknown;
  providerId: string;
  /** The profile whose role to assume; the provider's first profile by default. */
  profileId?: string;
}

/** The boundaries a test runs through. */
export interface TestSignInDeps {
  readManagedConfig(): Promise<unknown>;
  /** Origins the user confirmed: a test sends the token to no other host but AWS's and the policy's. */
  readTrustedOrigins(): Promise<readonly string[]>;
  signIn(provider: Provider, onStep: NonNullable<SignInDeps['onStep']>): Promise<SignInResult>;
  assumeRole(request: AssumeRoleRequest): Promise<ProfileCredentials>;
  deriveSessionName(subject: string): Promise<string>;
}

function describeClaims(provider: Provider, claims: Record<string, unknown>, roles: string[] | undefined): string {
  const shown = ['iss', 'aud', 'azp', 'sub', 'email', 'preferred_username'].filter((name) => claims[name] !== undefined).map((name) => `${name}=${JSON.stringify(claims[name])}`);
  if (typeof claims.exp === 'number') shown.push(`exp=${new Date(claims.exp * 1000).toISOString()}`);
  if (roles && provider.rolesFromClaim) shown.push(`${provider.rolesFromClaim.claim}: ${roles.length ? roles.join(', ') : 'no role ARNs'}`);
  return shown.join('; ');
}

/** Runs the test; throws only when the provider cannot be tested at all. */
export async function runTestSignIn(deps: TestSignInDeps, request: TestSignInRequest): Promise<TestSignInReport> {
  const config = validateConfiguration(await deps.readManagedConfig(), request.document, await deps.readTrustedOrigins());
  const provider = config.providers.find((candidate) => candidate.id === request.providerId);
  if (!provider) {
    const problems = config.problems.filter((problem) => problem.kind === 'provider' && problem.id === request.providerId && problem.severity === 'error');
    throw new ExtensionError(ErrorCodes.configInvalid, `Provider "${request.providerId}" cannot be tested yet${problems.length ? `: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}` : '.'}`, {
      hint: 'Fix the fields marked in the editor, then test again.',
    });
  }
  const steps: TestStep[] = [];
  const report = (): TestSignInReport => {
    for (const step of testSteps) if (!steps.some((entry) => entry.step === step)) steps.push({ step, status: 'skipped', detail: 'not reached' });
    steps.sort((a, b) => testSteps.indexOf(a.step) - testSteps.indexOf(b.step));
    return { providerId: provider.id, ok: steps.every((step) => step.status !== 'failed'), steps };
  };
  if (provider.oauth) steps.push({ step: 'discovery', status: 'skipped', detail: 'OAuth 2.0 providers have no discovery document' });

  let result: SignInResult;
  try {
    result = await deps.signIn(provider, (step: SignInStep, detail: string) => steps.push({ step, status: 'ok', detail }));
  } catch (error) {
    const failed = testSteps.find((step) => !steps.some((entry) => entry.step === step)) ?? 'token';
    steps.push({ step: failed, status: 'failed', detail: 'failed', error: toUserFacingError(error) });
    return report();
  }

  const roles = provider.rolesFromClaim ? roleArnsFromClaims(result.claims, provider.rolesFromClaim.claim) : undefined;
  steps.push({ step: 'claims', status: 'ok', detail: describeClaims(provider, result.claims, roles) });

  const own = config.profiles.filter((profile) => profile.providerId === provider.id);
  const candidates: Profile[] = [...own, ...profilesFromRoles(provider, roles ?? [], config.profiles)];
  const profile = candidates.find((candidate) => candidate.id === request.profileId) ?? candidates[0];
  if (!profile) {
    steps.push({ step: 'sts', status: 'skipped', detail: 'no profile uses this provider yet; add one to test STS' });
    return report();
  }
  try {
    const credentials = await deps.assumeRole({ profile, provider, idToken: result.idToken, sessionName: await deps.deriveSessionName(result.subject) });
    const note = credentials.durationNote ? ` ${credentials.durationNote}` : '';
    // An identity pool that chose the role itself does not say which one.
    const who = credentials.assumedRoleArn || `credentials from identity pool ${profile.cognito?.identityPoolId ?? ''}`;
    steps.push({ step: 'sts', status: 'ok', detail: `profile ${profile.id}: ${who}, valid until ${new Date(credentials.expiration).toISOString()}.${note}` });
  } catch (error) {
    steps.push({ step: 'sts', status: 'failed', detail: `profile ${profile.id}`, error: toUserFacingError(error) });
  }
  return report();
}
