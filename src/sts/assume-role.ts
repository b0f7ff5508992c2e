/**
 * Exchanges an ID token for temporary AWS credentials. The call is unsigned: the web identity
 * token is the proof of identity, so no AWS keys ship in the extension.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Profile, Provider } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { ProfileCredentials } from '../storage/records';
import { sessionNameFor } from './session-name-for';
import { explainStsError, isDurationTooLong } from './sts-errors';

/** The session length every role allows; used when the configured one exceeds the role's maximum. */
export const safeDurationSeconds = 3600;

/** What the STS step needs besides the profile. */
export interface AssumeRoleRequest {
  profile: Profile;
  provider: Provider;
  idToken: string;
  sessionName: string;
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

async function call(request: AssumeRoleRequest, durationSeconds: number): Promise<Omit<ProfileCredentials, 'durationNote'>> {
  const { profile } = request;
  const client = clientFor(profile);
  const output = await client.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: profile.roleArn,
      RoleSessionName: request.sessionName,
      WebIdentityToken: request.idToken,
      DurationSeconds: durationSeconds,
      ...(request.provider.oauth ? { ProviderId: request.provider.oauth.stsProviderId } : {}),
      ...(profile.sessionPolicy ? { Policy: profile.sessionPolicy } : {}),
      ...(profile.policyArns?.length ? { PolicyArns: profile.policyArns.map((arn) => ({ arn })) } : {}),
    }),
  );
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
    sessionName: request.sessionName,
    issuedAt: Date.now(),
  };
}

/**
 * Assumes the profile's role with the ID token. When STS says the configured duration exceeds
 * the role's maximum, it retries once with {@link safeDurationSeconds} and notes it, since every
 * role allows an hour.
 * @throws ExtensionError explaining what STS said and what to fix.
 */
export async function assumeRoleWithWebIdentity(original: AssumeRoleRequest): Promise<ProfileCredentials> {
  const request = { ...original, sessionName: await sessionNameFor(original) };
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
