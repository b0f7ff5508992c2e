/**
 * Where console sign-in happens for a profile: the federation endpoint and the page to land on.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html
 */
import type { Profile } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';

/** Federation endpoint and console origin of each partition that has a public console. */
const partitionConsoles: Readonly<Record<string, { federation: string; console: string }>> = {
  aws: { federation: 'https://signin.aws.amazon.com/federation', console: 'https://console.aws.amazon.com' },
  'aws-us-gov': { federation: 'https://signin.amazonaws-us-gov.com/federation', console: 'https://console.amazonaws-us-gov.com' },
  'aws-cn': { federation: 'https://signin.amazonaws.cn/federation', console: 'https://console.amazonaws.cn' },
};

/** The two URLs of a console sign-in. */
export interface ConsoleEndpoints {
  /** Answers `getSigninToken` and serves the `login` redirect. */
  federation: string;
  /** Where the console opens once signed in. */
  destination: string;
}

/**
 * The profile's endpoints: configured ones win; otherwise those of the role's partition, landing
 * on the console home of the profile's region. Throws for partitions without a known console
 * unless the profile names both.
 */
export function consoleEndpoints(profile: Pick<Profile, 'id' | 'partition' | 'region' | 'signinEndpoint' | 'consoleDestination'>): ConsoleEndpoints {
  const known = Object.hasOwn(partitionConsoles, profile.partition) ? partitionConsoles[profile.partition] : undefined;
  const federation = profile.signinEndpoint ?? known?.federation;
  const destination = profile.consoleDestination ?? (known && `${known.console}/console/home?region=${encodeURIComponent(profile.region)}`);
  if (!federation || !destination) {
    throw new ExtensionError(
      ErrorCodes.consoleUnsupportedPartition,
      `The console sign-in of partition ${profile.partition} is not known, so profile "${profile.id}" cannot open the console.`,
      { hint: 'Set signinEndpoint and consoleDestination on the profile.' },
    );
  }
  return { federation, destination };
}
