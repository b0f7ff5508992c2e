/**
 * Console sign-in through the AWS federation endpoint: trade the profile's temporary credentials
 * for a sign-in token (`getSigninToken`), then build the `login` URL that opens the console.
 * Pure over an injected `fetch`, so every answer of the endpoint is tested without a browser.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import type { Profile } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { ProfileCredentials } from '../sts/credentials';
import { consoleEndpoints } from './console-endpoints';

/** AWS accepts console sessions of 15 minutes to 12 hours for role credentials. */
export const consoleSessionLimits = { minSeconds: 900, maxSeconds: 43200 } as const;

/** What a console sign-in needs. */
export interface ConsoleSignInInput {
  profile: Profile;
  credentials: ProfileCredentials;
  /** Epoch milliseconds. */
  now: number;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/** The console session lasts as long as the profile asks its role sessions to, within AWS's limits. */
export function consoleSessionDuration(profile: Pick<Profile, 'durationSeconds'>): number {
  return Math.min(consoleSessionLimits.maxSeconds, Math.max(consoleSessionLimits.minSeconds, profile.durationSeconds));
}

async function requestSigninToken(url: URL, profile: Profile, fetcher: ConsoleSignInInput['fetch']): Promise<string> {
  const where = `${url.origin}${url.pathname}`;
  let response: Response;
  try {
    // No cookies and no redirects: the answer must come from the endpoint itself.
    response = await fetcher(url.href, { method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'error' });
  } catch (cause) {
    throw new ExtensionError(ErrorCodes.consoleUnreachable, `Could not reach the AWS sign-in endpoint ${where}.`, {
      hint: `Check your network connection${profile.signinEndpoint ? ' and the profile\'s signinEndpoint' : ''}, then try again.`,
      cause,
    });
  }
  if (!response.ok) {
    const hint = response.status >= 500
      ? 'AWS sign-in is having trouble; try again in a moment.'
      : 'The credentials may have expired or been revoked: sign in again, then open the console.';
    throw new ExtensionError(ErrorCodes.consoleRejected, `The AWS sign-in endpoint ${where} refused the console sign-in (HTTP ${response.status}).`, { hint });
  }
  const body = (await response.json().catch(() => undefined)) as { SigninToken?: unknown } | undefined;
  if (typeof body?.SigninToken !== 'string' || body.SigninToken === '') {
    throw new ExtensionError(ErrorCodes.consoleRejected, `The AWS sign-in endpoint ${where} answered without a sign-in token.`, {
      hint: 'Check that signinEndpoint names an AWS federation endpoint (it ends in /federation).',
    });
  }
  return body.SigninToken;
}

/**
 * Returns the URL that signs the browser in to the AWS console with the profile's credentials.
 * Expired credentials are refused before anything is sent.
 */
export async function consoleSignInUrl({ profile, credentials, now, fetch: fetcher }: ConsoleSignInInput): Promise<string> {
  if (credentials.expiration <= now) {
    throw new ExtensionError(ErrorCodes.consoleCredentialsExpired, `The credentials of ${profile.name} have expired, so the console cannot be opened.`, {
      hint: 'Sign in again, then open the console.',
    });
  }
  const { federation, destination } = consoleEndpoints(profile);
  const tokenUrl = new URL(federation);
  tokenUrl.search = new URLSearchParams({
    Action: 'getSigninToken',
    SessionDuration: String(consoleSessionDuration(profile)),
    Session: JSON.stringify({ sessionId: credentials.accessKeyId, sessionKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken }),
  }).toString();
  const signinToken = await requestSigninToken(tokenUrl, profile, fetcher);
  const loginUrl = new URL(federation);
  loginUrl.search = new URLSearchParams({ Action: 'login', Destination: destination, SigninToken: signinToken }).toString();
  return loginUrl.href;
}
