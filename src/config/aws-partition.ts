/**
 * AWS partitions: which regions belong where, and each partition's STS host.
 * @see https://docs.aws.amazon.com/general/latest/gr/sts.html
 */

/** Partition id → DNS suffix of its service endpoints. */
export const partitionSuffixes: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
  'aws-iso': 'c2s.ic.gov',
  'aws-iso-b': 'sc2s.sgov.gov',
  'aws-iso-e': 'cloud.adc-e.uk',
  'aws-iso-f': 'csp.hci.ic.gov',
  'aws-eusc': 'amazonaws.eu',
};

/** Region prefixes of the partitions other than `aws`, longest first so `us-isob-` wins over `us-iso-`. */
const regionPrefixes: readonly [string, string][] = [
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-iso-', 'aws-iso'],
  ['us-gov-', 'aws-us-gov'],
  ['eusc-', 'aws-eusc'],
  ['cn-', 'aws-cn'],
];

/** Every partition a role ARN may name. */
export const partitions: readonly string[] = Object.keys(partitionSuffixes);

/** The partition a region belongs to (`cn-north-1` → `aws-cn`). */
export function partitionOfRegion(region: string): string {
  return regionPrefixes.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'aws';
}

/** The DNS suffix of a partition's service endpoints (`aws-cn` → `amazonaws.com.cn`). */
export function partitionSuffix(partition: string): string {
  return partitionSuffixes[partition] ?? 'amazonaws.com';
}

/** The regional STS endpoint, e.g. `https://sts.eu-west-1.amazonaws.com`. */
export function defaultStsEndpoint(region: string): string {
  return `https://sts.${region}.${partitionSuffix(partitionOfRegion(region))}`;
}
