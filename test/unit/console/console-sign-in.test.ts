// Console sign-in against a fake federation endpoint: the exact requests, every answer it can give.
import { consoleEndpoints } from '../../../src/console/console-endpoints';
import { consoleSessionDuration, consoleSignInUrl } from '../../../src/console/console-sign-in';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import type { Profile } from '../../../src/config/types';
import { ErrorCodes } from '../../../src/errors';
import { sampleCredentials } from '../support/fixtures';
import { rejection } from '../support/rejection';

const now = 1_800_000_000_000;

function profileOf(fields: Record<string, unknown> = {}): Profile {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
    profiles: [{ id: 'dev', name: 'Dev admin', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1', ...fields }],
  });
  expect(config.problems).toEqual([]);
  const [profile] = config.profiles;
  if (!profile) throw new Error('no profile');
  return profile;
}

/** A federation endpoint that records every request and answers with `reply`. */
function fakeEndpoint(reply: () => Response | Promise<Response>) {
  const requests: { url: URL; init: RequestInit }[] = [];
  const fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url: new URL(url), init });
    return reply();
  });
  return { fetch, requests };
}

const tokenReply = () => new Response(JSON.stringify({ SigninToken: 'token-from-aws' }), { status: 200, headers: { 'content-type': 'application/json' } });

describe('consoleSignInUrl', () => {
  const credentials = sampleCredentials(now + 3_600_000, { accessKeyId: 'ASIAKEY', secretAccessKey: 'se/cr+et=', sessionToken: 'to&ken?=' });

  it('asks for a sign-in token with the session JSON and duration, then builds the login URL', async () => {
    const endpoint = fakeEndpoint(tokenReply);
    const url = new URL(await consoleSignInUrl({ profile: profileOf({ durationSeconds: 7200 }), credentials, now, fetch: endpoint.fetch }));

    expect(endpoint.requests).toHaveLength(1);
    const [{ url: request, init }] = endpoint.requests as [{ url: URL; init: RequestInit }];
    expect(`${request.origin}${request.pathname}`).toBe('https://signin.aws.amazon.com/federation');
    expect([...request.searchParams.keys()]).toEqual(['Action', 'SessionDuration', 'Session']);
    expect(request.searchParams.get('Action')).toBe('getSigninToken');
    expect(request.searchParams.get('SessionDuration')).toBe('7200');
    expect(JSON.parse(request.searchParams.get('Session') ?? '')).toEqual({ sessionId: 'ASIAKEY', sessionKey: 'se/cr+et=', sessionToken: 'to&ken?=' });
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error' });

    expect(`${url.origin}${url.pathname}`).toBe('https://signin.aws.amazon.com/federation');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      Action: 'login',
      Destination: 'https://console.aws.amazon.com/console/home?region=eu-west-1',
      SigninToken: 'token-from-aws',
    });
  });

  it('uses the configured regional endpoint and destination', async () => {
    const endpoint = fakeEndpoint(tokenReply);
    const profile = profileOf({ signinEndpoint: 'https://eu-west-1.signin.aws.amazon.com/federation', consoleDestination: 'https://eu-west-1.console.aws.amazon.com/s3/home' });
    const url = new URL(await consoleSignInUrl({ profile, credentials, now, fetch: endpoint.fetch }));
    expect(endpoint.requests[0]?.url.host).toBe('eu-west-1.signin.aws.amazon.com');
    expect(url.host).toBe('eu-west-1.signin.aws.amazon.com');
    expect(url.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home');
  });

  it('refuses expired credentials without sending them anywhere', async () => {
    const endpoint = fakeEndpoint(tokenReply);
    const error = await rejection(consoleSignInUrl({ profile: profileOf(), credentials: sampleCredentials(now), now, fetch: endpoint.fetch }));
    expect(error.code).toBe(ErrorCodes.consoleCredentialsExpired);
    expect(error.message).toBe('The credentials of Dev admin have expired, so the console cannot be opened.');
    expect(error.hint).toBe('Sign in again, then open the console.');
    expect(endpoint.fetch).not.toHaveBeenCalled();
  });

  it.each([
    [400, 'The AWS sign-in endpoint https://signin.aws.amazon.com/federation refused the console sign-in (HTTP 400).', 'The credentials may have expired or been revoked: sign in again, then open the console.'],
    [503, 'The AWS sign-in endpoint https://signin.aws.amazon.com/federation refused the console sign-in (HTTP 503).', 'AWS sign-in is having trouble; try again in a moment.'],
  ])('explains an HTTP %i answer', async (status, message, hint) => {
    const endpoint = fakeEndpoint(() => new Response('<html>Bad Request</html>', { status }));
    const error = await rejection(consoleSignInUrl({ profile: profileOf(), credentials, now, fetch: endpoint.fetch }));
    expect([error.code, error.message, error.hint]).toEqual([ErrorCodes.consoleRejected, message, hint]);
    expect(`${error.message} ${error.hint}`).not.toContain('se/cr+et=');
  });

  it('explains an answer without a token', async () => {
    const endpoint = fakeEndpoint(() => new Response('{}', { status: 200 }));
    const error = await rejection(consoleSignInUrl({ profile: profileOf(), credentials, now, fetch: endpoint.fetch }));
    expect(error.code).toBe(ErrorCodes.consoleRejected);
    expect(error.message).toBe('The AWS sign-in endpoint https://signin.aws.amazon.com/federation answered without a sign-in token.');
  });

  it('explains an unreachable endpoint, naming the setting when one is configured', async () => {
    const endpoint = fakeEndpoint(() => Promise.reject(new TypeError('Failed to fetch')));
    const profile = profileOf({ signinEndpoint: 'https://us-east-2.signin.aws.amazon.com/federation' });
    const error = await rejection(consoleSignInUrl({ profile, credentials, now, fetch: endpoint.fetch }));
    expect(error.code).toBe(ErrorCodes.consoleUnreachable);
    expect(error.message).toBe('Could not reach the AWS sign-in endpoint https://us-east-2.signin.aws.amazon.com/federation.');
    expect(error.hint).toBe('Check your network connection and the profile\'s signinEndpoint, then try again.');
  });
});

describe('consoleEndpoints', () => {
  it.each([
    ['arn:aws-us-gov:iam::123456789012:role/Dev', 'us-gov-west-1', 'https://signin.amazonaws-us-gov.com/federation', 'https://console.amazonaws-us-gov.com/console/home?region=us-gov-west-1'],
    ['arn:aws-cn:iam::123456789012:role/Dev', 'cn-north-1', 'https://signin.amazonaws.cn/federation', 'https://console.amazonaws.cn/console/home?region=cn-north-1'],
  ])('follows the partition of %s', (roleArn, region, federation, destination) => {
    expect(consoleEndpoints(profileOf({ roleArn, region }))).toEqual({ federation, destination });
  });

  it('asks for both settings in a partition without a known console', () => {
    const profile = profileOf({ roleArn: 'arn:aws-iso:iam::123456789012:role/Dev', region: 'us-iso-east-1' });
    expect(() => consoleEndpoints(profile)).toThrow('The console sign-in of partition aws-iso is not known, so profile "dev" cannot open the console.');
  });
});

describe('consoleSessionDuration', () => {
  it.each([[900, 900], [3600, 3600], [43200, 43200], [100, 900], [50000, 43200]])('%i seconds asked gives %i', (asked, given) => {
    expect(consoleSessionDuration({ durationSeconds: asked })).toBe(given);
  });
});
