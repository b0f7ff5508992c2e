/**
 * Exchanges an ID token for temporary AWS credentials. The call is unsigned: the web identity
 * token is the proof of identity, so no AWS keys ship in the extension.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AssumeRoleWithWebIdentityCommandInput } from '@aws-sdk/client-sts';
import type { Profile, Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { ProfileCredentials } from './credentials';
import { sessionNameFor } from './session-name';
import { explainStsError, isDurationTooLong } from './sts-errors';

/** The session length every role allows; used when the configured one exceeds the role's maximum. */
export const safeDurationSeconds = 3600;

/** What the STS step needs. */
export interface AssumeRoleRequest {
  profile: Profile;
  provider: Provider;
  idToken: string;
  /** The default session name (hashed subject); the profile's template may replace it. */
  sessionName: string;
}

/** The request as sent: built once, then used by the call and by the diagnostics alike. */
export interface PreparedAssumeRole {
  profile: Profile;
  provider: Provider;
  input: AssumeRoleWithWebIdentityCommandInput & { RoleSessionName: string; DurationSeconds: number };
}

/** Builds the AssumeRoleWithWebIdentity input: the session name rendered once, the session policies, the OAuth 2.0 `ProviderId`. */
export async function prepareAssumeRole(request: AssumeRoleRequest): Promise<PreparedAssumeRole> {
  const { profile, provider } = request;
  return {
    profile,
    provider,
    input: {
      RoleArn: profile.roleArn,
      RoleSessionName: await sessionNameFor(request),
      WebIdentityToken: request.idToken,
      DurationSeconds: profile.durationSeconds,
      ...(provider.oauth ? { ProviderId: provider.oauth.stsProviderId } : {}),
      ...(profile.sessionPolicy ? { Policy: profile.sessionPolicy } : {}),
      ...(profile.policyArns?.length ? { PolicyArns: profile.policyArns.map((arn) => ({ arn })) } : {}),
    },
  };
}

/**
 * One client per region and endpoint, kept for the service worker's life: building one resolves
 * its whole configuration and middleware stack, work a refresh of many profiles would otherwise
 * repeat for each. A client holds no credentials (the calls are unsigned) and no connection state.
 */
const clients = new Map<string, STSClient>();

function clientFor(profile: Profile): STSClient {
  const key = `${profile.region} ${profile.stsEndpoint}`;
  let client = clients.get(key);
  if (!client) {
    client = new STSClient({ region: profile.region, endpoint: profile.stsEndpoint });
    clients.set(key, client);
  }
  return client;
}

async function call({ profile, input }: PreparedAssumeRole, durationSeconds: number): Promise<Omit<ProfileCredentials, 'durationNote'>> {
  const output = await clientFor(profile).send(new AssumeRoleWithWebIdentityCommand({ ...input, DurationSeconds: durationSeconds }));
  const credentials = output.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration) {
    throw new ExtensionError(ErrorCodes.stsFailed, `The answer of STS at ${profile.stsEndpoint} held no credentials.`, {
      hint: 'Check that the profile\'s stsEndpoint is an STS endpoint.',
    });
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration.getTime(),
    assumedRoleArn: output.AssumedRoleUser?.Arn ?? '',
    region: profile.region,
    sessionName: input.RoleSessionName,
    issuedAt: Date.now(),
  };
}

/**
 * Sends a prepared request. When STS says the configured duration exceeds the role's maximum,
 * it retries once with {@link safeDurationSeconds} and notes it, since every role allows an hour.
 * @throws ExtensionError explaining what STS said and what to fix.
 */
export async function sendAssumeRole(request: PreparedAssumeRole): Promise<ProfileCredentials> {
  const { profile, provider } = request;
  try {
    return await call(request, profile.durationSeconds);
  } catch (error) {
    if (!isDurationTooLong(error) || profile.durationSeconds <= safeDurationSeconds) throw explainStsError(error, profile, provider);
  }
  try {
    const credentials = await call(request, safeDurationSeconds);
    return {
      ...credentials,
      durationNote: `Role ${profile.roleName} allows less than ${profile.durationSeconds} seconds, so these credentials last ${safeDurationSeconds} seconds. Lower durationSeconds or raise the role's maximum session duration.`,
    };
  } catch (error) {
    throw explainStsError(error, profile, provider);
  }
}

/** Assumes the profile's role with the ID token: {@link prepareAssumeRole}, then {@link sendAssumeRole}. */
export async function assumeRoleWithWebIdentity(request: AssumeRoleRequest): Promise<ProfileCredentials> {
  return sendAssumeRole(await prepareAssumeRole(request));
}
