/**
 * Shared pieces of the format property tests: a seeded generator whose seed a failure names,
 * credentials built from a handful of test values, and the environment a shell should end up with.
 */
import type { ProfileCredentials } from '../../../src/sts/credentials';
import { seededRandom } from '../support/seeded-random';

/** Set FORMAT_PROPERTY_SEED to replay a failing run. */
export const propertySeed = Number(process.env.FORMAT_PROPERTY_SEED ?? Date.now() % 2 ** 31);

/** A seeded generator (see {@link seededRandom}), seeded with {@link propertySeed} unless told. */
export function randomSource(seed: number = propertySeed): () => number {
  return seededRandom(seed);
}

/** `count` values from `make`, drawn from one generator seeded with {@link propertySeed}. */
export function randomValues(count: number, make: (random: () => number) => string): string[] {
  const random = randomSource();
  return Array.from({ length: count }, () => make(random));
}

/** Names the seed in a failure, so `FORMAT_PROPERTY_SEED=<seed>` replays it. */
export function withSeed(check: () => void): void {
  try {
    check();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed with FORMAT_PROPERTY_SEED=${propertySeed}:\n${message}`, { cause: error });
  }
}

/** Credentials whose first four fields are `values` (access key, secret, token, region), the rest fixed. */
export function credentialsFrom(values: readonly string[], defaults: readonly string[] = ['AKIA', 'secret', 'token', 'eu-west-1']): ProfileCredentials {
  const [accessKeyId = defaults[0] ?? '', secretAccessKey = defaults[1] ?? '', sessionToken = defaults[2] ?? '', region = defaults[3] ?? ''] = values;
  return {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    region,
    expiration: Date.UTC(2026, 10, 26, 18, 0, 0),
    assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Developer/alice',
    sessionName: 'alice',
    issuedAt: 0,
  };
}

/** The variables the shell formats set, in the order {@link expectedEnvironment} fills them. */
const environmentNames = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CREDENTIAL_EXPIRATION',
] as const;

/** What each variable should hold once a shell ran the formatted lines for {@link credentialsFrom}'s credentials. */
export function expectedEnvironment(credentials: ProfileCredentials): Record<string, string> {
  const { accessKeyId, secretAccessKey, sessionToken, region } = credentials;
  const values = [accessKeyId, secretAccessKey, sessionToken, region, region, '2026-11-26T18:00:00Z'];
  return Object.fromEntries(environmentNames.map((name, i) => [name, values[i] ?? '']));
}
