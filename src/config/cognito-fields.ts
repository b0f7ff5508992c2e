/**
 * The profile fields of an Amazon Cognito identity pool: the pool, the flow, the account and the
 * endpoint. A profile with `identityPoolId` gets its credentials from the pool instead of STS.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
import { partitionOfRegion, partitionSuffix } from './aws-partition';
import type { EntryReader } from './entry-reader';
import { checkEndpointUrl } from './field-checks';
import type { CognitoFlow, CognitoSettings } from './types';

/** Field names a Cognito profile adds. */
export const cognitoFields = ['identityPoolId', 'cognitoFlow', 'accountId', 'cognitoEndpoint'] as const;

/** `<region>:<uuid>`, as the Cognito console shows an identity pool's id. */
const poolIdPattern = /^([a-z]{2,4}(?:-[a-z]+)+-\d{1,2}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const poolExample = 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

/** The region of an identity pool id, or `undefined` when the id is not shaped `<region>:<uuid>`. */
export function regionOfIdentityPool(identityPoolId: string): string | undefined {
  return poolIdPattern.exec(identityPoolId)?.[1];
}

/** An identity pool id: `<region>:<uuid>`. */
export function checkIdentityPoolId(value: string): string | undefined {
  return regionOfIdentityPool(value)
    ? undefined
    : `must be an identity pool id, "<region>:<uuid>" such as ${poolExample}, from the Cognito console's identity pool page (got ${JSON.stringify(value)})`;
}

/** The regional Cognito identity endpoint, e.g. `https://cognito-identity.eu-west-1.amazonaws.com`. */
export function defaultCognitoEndpoint(region: string): string {
  return `https://cognito-identity.${region}.${partitionSuffix(partitionOfRegion(region))}`;
}

/** The Cognito part of a profile as written, read but not yet checked against the rest. */
export interface CognitoFieldsRead {
  identityPoolId: string;
  /** The pool's region, from its id. */
  poolRegion: string;
  flow: CognitoFlow;
  accountId?: string;
  /** Absent means the regional endpoint of the pool's region. */
  endpoint?: string;
}

/**
 * Reads the Cognito fields; `undefined` for a profile without `identityPoolId`, which must then
 * carry none of the others (they would do nothing).
 */
export function readCognitoFields(reader: EntryReader): CognitoFieldsRead | undefined {
  const raw = reader.value('identityPoolId');
  if (raw === undefined || raw === null || raw === '') {
    for (const key of cognitoFields.slice(1)) {
      if (reader.value(key) !== undefined) reader.fieldWarning(key, 'has no effect without identityPoolId; add identityPoolId or remove this field');
    }
    return undefined;
  }
  const identityPoolId = reader.requiredString('identityPoolId', checkIdentityPoolId);
  const flow = reader.optionalString('cognitoFlow', 'enhanced', (value) =>
    value === 'enhanced' || value === 'basic' ? undefined : `must be "enhanced" (GetCredentialsForIdentity) or "basic" (GetOpenIdToken, then STS) (got ${JSON.stringify(value)})`);
  const accountId = reader.optionalString('accountId', '', (value) => (/^\d{12}$/.test(value) ? undefined : `must be the 12-digit AWS account id that owns the identity pool (got ${JSON.stringify(value)})`));
  const endpoint = reader.optionalString('cognitoEndpoint', '', checkEndpointUrl);
  const poolRegion = identityPoolId && regionOfIdentityPool(identityPoolId);
  if (!identityPoolId || !poolRegion || flow === undefined || accountId === undefined || endpoint === undefined) return undefined;
  return { identityPoolId, poolRegion, flow: flow as CognitoFlow, ...(accountId ? { accountId } : {}), ...(endpoint ? { endpoint } : {}) };
}

/**
 * Checks a Cognito profile's fields against the rest of the entry: the region must be the pool's,
 * the account the role's; fields the enhanced flow does not send get a warning.
 */
export function checkCognitoProfile(reader: EntryReader, cognito: CognitoFieldsRead, region: string, role: { accountId: string } | undefined): void {
  if (region !== cognito.poolRegion) {
    reader.fieldError('region', `must be the identity pool's region "${cognito.poolRegion}", which begins identityPoolId (got "${region}"); set region to ${cognito.poolRegion} or remove it`);
  }
  if (role && cognito.accountId && role.accountId !== cognito.accountId) {
    reader.fieldError('accountId', `is ${cognito.accountId} but roleArn is in account ${role.accountId}; the pool's roles live in its own account, so make them agree`);
  }
  if (cognito.flow !== 'enhanced') return;
  for (const key of ['durationSeconds', 'stsEndpoint', 'sessionPolicy', 'policyArns', 'sessionNameTemplate']) {
    const value = reader.value(key);
    if (value !== undefined && value !== null && value !== '') {
      reader.fieldWarning(key, 'has no effect with cognitoFlow "enhanced": the identity pool issues one-hour credentials for its role itself; use cognitoFlow "basic" to shape the STS session');
    }
  }
}

/** The validated settings of a checked Cognito profile. */
export function cognitoSettings(cognito: CognitoFieldsRead): CognitoSettings {
  return {
    identityPoolId: cognito.identityPoolId,
    flow: cognito.flow,
    endpoint: cognito.endpoint ?? defaultCognitoEndpoint(cognito.poolRegion),
    ...(cognito.accountId ? { accountId: cognito.accountId } : {}),
  };
}
