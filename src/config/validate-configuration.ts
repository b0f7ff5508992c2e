/**
 * Validates and merges the managed (policy) and local configuration documents into what the
 * extension can use. Every usable entry keeps working; every other one is reported with a
 * problem naming its field. Nothing is dropped without a word.
 */
import { defaultStsEndpoint, partitionOfRegion } from './aws-partition';
import { checkConsoleDestination, checkSigninEndpoint } from './signin-hosts';
import { originToConfirm, policyTrustedHosts, unconfirmedMessage } from './endpoint-trust';
import type { EndpointKind, EndpointTrust } from './endpoint-trust';
import { EntryReader } from './entry-reader';
import { checkCognitoProfile, cognitoFields, cognitoSettings, readCognitoFields } from './cognito-fields';
import { checkEndpointUrl, checkId, checkIssuer, checkRegion, checkScopes, parseRoleArn } from './field-checks';
import { checkSchemaVersion } from './migrations';
import { profileExtraFields, readProfileExtras } from './profile-extras';
import { providerExtraFields, readProviderExtras } from './provider-extras';
import type { CognitoFlow, ConfigProblem, ConfigSource, Configuration, Profile, Provider } from './types';

const providerFields = ['id', 'name', 'issuer', 'clientId', 'scopes'] as const;
const profileFields = ['id', 'name', 'provider', 'roleArn', 'region', 'durationSeconds', 'stsEndpoint', 'pinned', 'signinEndpoint', 'consoleDestination'] as const;

/** Defaults the configuration contract promises. */
export const configDefaults = {
  scopes: 'openid',
  region: 'us-east-1',
  durationSeconds: 3600,
  minDurationSeconds: 900,
  maxDurationSeconds: 43200,
  pinned: true,
} as const;

interface Checked<T> {
  value?: T;
  id?: string;
  /** The entry's name as written, for labelling problems about the entry as a whole. */
  name?: string;
  problems: ConfigProblem[];
}

/** The result of checking an entry, labelled with its raw id and name, before its value is known. */
function resultOf<T>(reader: EntryReader): Checked<T> {
  const result: Checked<T> = { problems: reader.problems };
  if (reader.rawId !== undefined) result.id = reader.rawId;
  if (reader.rawName !== undefined) result.name = reader.rawName;
  return result;
}

/** The `name` of a problem, present only when the entry has one. */
function named(entry: Checked<unknown>): Pick<ConfigProblem, 'name'> {
  return entry.name === undefined ? {} : { name: entry.name };
}

/**
 * Refuses an endpoint of the user's document that would send a token to a host neither AWS, the
 * policy nor the user's confirmation named. The policy's own endpoints are its choice.
 */
function requireTrusted(reader: EntryReader, key: string, value: string | undefined, kind: EndpointKind, source: ConfigSource, trust: EndpointTrust): void {
  if (source === 'managed' || !value) return;
  const origin = originToConfirm(value, kind, trust);
  if (origin) reader.fieldError(key, unconfirmedMessage(origin, kind), { confirmOrigin: origin });
}

function checkProvider(raw: unknown, path: string, source: ConfigSource, trust: EndpointTrust): Checked<Provider> {
  const reader = new EntryReader(raw, path, 'provider', source, providerFields, providerExtraFields);
  const id = reader.requiredString('id', checkId);
  const extras = readProviderExtras(reader);
  const issuer = extras.issuer ?? reader.requiredString('issuer', checkIssuer);
  const clientId = reader.requiredString('clientId');
  const scopes = reader.optionalString('scopes', extras.defaultScopes, extras.issuer ? extras.checkScopes : checkScopes);
  const name = reader.optionalString('name', id ?? reader.rawId ?? '');
  requireTrusted(reader, 'rolesFromClaim.stsEndpoint', extras.values.rolesFromClaim?.stsEndpoint, 'sts', source, trust);
  requireTrusted(reader, 'authorizationEndpoint', extras.values.oauth?.authorizationEndpoint, 'oauth', source, trust);
  requireTrusted(reader, 'userInfoEndpoint', extras.values.oauth?.userInfoEndpoint, 'oauth', source, trust);
  const result = resultOf<Provider>(reader);
  if (reader.ok && id && issuer && clientId && scopes && name !== undefined) {
    result.value = { id, name, issuer, clientId, scopes: scopes.split(/\s+/).join(' '), source, ...extras.values };
  }
  return result;
}

function checkProfile(raw: unknown, path: string, source: ConfigSource, trust: EndpointTrust): Checked<Omit<Profile, 'providerId'> & { providerId?: string }> {
  const reader = new EntryReader(raw, path, 'profile', source, profileFields, [...profileExtraFields, ...cognitoFields]);
  const id = reader.requiredString('id', checkId);
  const providerId = reader.requiredString('provider');
  const cognito = readCognitoFields(reader);
  const roleArn = readRoleArn(reader, reader.value('identityPoolId') ? cognito?.flow ?? 'enhanced' : undefined);
  const region = reader.optionalString('region', cognito?.poolRegion ?? configDefaults.region, checkRegion);
  const durationSeconds = reader.optionalInteger(
    'durationSeconds',
    configDefaults.durationSeconds,
    configDefaults.minDurationSeconds,
    configDefaults.maxDurationSeconds,
    ' seconds, and at most the role\'s maximum session duration',
  );
  const stsEndpoint = reader.optionalString('stsEndpoint', region ? defaultStsEndpoint(region) : '', checkEndpointUrl);
  requireTrusted(reader, 'stsEndpoint', stsEndpoint, 'sts', source, trust);
  const pinned = reader.optionalBoolean('pinned', configDefaults.pinned);
  // Absent means "the partition's default", worked out when the console is opened.
  const signinEndpoint = reader.optionalString('signinEndpoint', '', checkSigninEndpoint);
  const consoleDestination = reader.optionalString('consoleDestination', '', checkConsoleDestination);
  const name = reader.optionalString('name', id ?? reader.rawId ?? '');
  const arn = roleArn ? parseRoleArn(roleArn) : undefined;
  const role = arn && typeof arn !== 'string' ? arn : undefined;
  const extras = readProfileExtras(reader, role?.partition ?? (region ? partitionOfRegion(region) : undefined));
  if (role && region && partitionOfRegion(region) !== role.partition) {
    reader.fieldError(
      'region',
      `region "${region}" is in partition ${partitionOfRegion(region)} but roleArn is in ${role.partition}; pick a region of the role's partition`,
    );
  }
  if (cognito && region) checkCognitoProfile(reader, cognito, region, role);
  // The default endpoint is Cognito's own; one the user's document names is checked like stsEndpoint.
  requireTrusted(reader, 'cognitoEndpoint', cognito?.endpoint, 'cognito', source, trust);
  const result = resultOf<Omit<Profile, 'providerId'> & { providerId?: string }>(reader);
  const parts = role ?? (cognito && region ? { partition: partitionOfRegion(region), accountId: cognito.accountId ?? '', roleName: '' } : undefined);
  if (reader.ok && id && providerId && roleArn !== undefined && parts && region && durationSeconds && stsEndpoint && pinned !== undefined && name !== undefined) {
    result.value = {
      id, name, providerId, roleArn, ...parts, region, durationSeconds, stsEndpoint, pinned, source,
      ...(signinEndpoint ? { signinEndpoint } : {}),
      ...(consoleDestination ? { consoleDestination } : {}),
      ...extras,
      ...(cognito ? { cognito: cognitoSettings(cognito) } : {}),
    };
  }
  return result;
}

/**
 * The role ARN: required, except for an identity pool's enhanced flow, where the pool's role
 * rules choose it when none is named. `''` when absent and allowed.
 */
function readRoleArn(reader: EntryReader, cognitoFlow: CognitoFlow | undefined): string | undefined {
  const check = (value: string) => {
    const parsed = parseRoleArn(value);
    return typeof parsed === 'string' ? parsed : undefined;
  };
  if (cognitoFlow === undefined) return reader.requiredString('roleArn', check);
  const value = reader.optionalString('roleArn', '', check);
  if (value === '' && cognitoFlow === 'basic') {
    reader.fieldError('roleArn', 'is required with cognitoFlow "basic": the token the identity pool issues assumes this role through STS; name the role, or use cognitoFlow "enhanced"');
    return undefined;
  }
  return value;
}

interface Lists {
  providers: unknown[];
  profiles: unknown[];
}

function readDocument(raw: unknown, source: ConfigSource, problems: ConfigProblem[]): Lists {
  const lists: Lists = { providers: [], profiles: [] };
  if (raw === undefined || raw === null) return lists;
  const where = source === 'managed' ? 'the policy' : 'the configuration';
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ kind: 'document', source, path: '(document)', severity: 'error', message: `${where} must be a JSON object with "providers" and "profiles" arrays` });
    return lists;
  }
  const version = checkSchemaVersion((raw as Record<string, unknown>).schemaVersion);
  if (version) problems.push({ kind: 'document', source, path: 'schemaVersion', severity: 'error', message: version });
  for (const key of Object.keys(raw)) {
    // The policy may also carry refresh settings (src/config/validate-settings.ts reads them).
    // The policy may also name hosts the user's endpoints may use (src/config/endpoint-trust.ts).
    if (key !== 'providers' && key !== 'profiles' && key !== 'schemaVersion' && !(source === 'managed' && (key === 'settings' || key === 'trustedEndpointHosts'))) {
      problems.push({ kind: 'document', source, path: key, severity: 'warning', message: 'unknown field, ignored; the document holds "providers" and "profiles"' });
    }
  }
  const hosts = (raw as Record<string, unknown>).trustedEndpointHosts;
  if (source === 'managed' && hosts !== undefined && (!Array.isArray(hosts) || hosts.some((host) => typeof host !== 'string' || !/^(\*\.)?[a-z0-9.-]+$/i.test(host)))) {
    problems.push({ kind: 'document', source, path: 'trustedEndpointHosts', severity: 'error', message: 'must be an array of host names such as "sts.example.com" or "*.example.com"; malformed entries are ignored' });
  }
  for (const key of ['providers', 'profiles'] as const) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) lists[key] = value;
    else problems.push({ kind: 'document', source, path: key, severity: 'error', message: `must be an array in ${where}` });
  }
  return lists;
}

/**
 * Merges and validates configuration. A managed entry wins over a local entry with the same id.
 * @param managed the contents of `storage.managed` (enterprise policy), if any
 * @param local the user's document from `storage.local`, if any
 * @param confirmedOrigins origins the user confirmed for endpoints of their own document; any
 *   other non-AWS endpoint there keeps its entry out of service
 */
export function validateConfiguration(managed: unknown, local: unknown, confirmedOrigins: readonly string[] = []): Configuration {
  const trust: EndpointTrust = { policyHosts: policyTrustedHosts(managed).filter((host) => /^(\*\.)?[a-z0-9.-]+$/i.test(host)), confirmedOrigins };
  const problems: ConfigProblem[] = [];
  const documents = [
    { source: 'managed' as const, lists: readDocument(managed, 'managed', problems) },
    { source: 'local' as const, lists: readDocument(local, 'local', problems) },
  ];

  // Ids seen per kind, valid or not: a broken managed entry still shadows a local one, and a
  // profile naming a broken provider is told about that provider rather than "not found".
  const providers = new Map<string, Checked<Provider> & { source: ConfigSource }>();
  const profiles: Profile[] = [];
  const profileIds = new Map<string, ConfigSource>();

  for (const { source, lists } of documents) {
    lists.providers.forEach((raw, index) => {
      const checked = checkProvider(raw, `providers[${index}]`, source, trust);
      if (checked.id !== undefined && providers.has(checked.id)) {
        if (providers.get(checked.id)?.source === source) {
          problems.push({ kind: 'provider', id: checked.id, ...named(checked), source, path: `providers[${index}].id`, severity: 'error', message: `duplicate id "${checked.id}"; give each provider its own id` });
        }
        return; // a managed entry with this id wins
      }
      problems.push(...checked.problems);
      if (checked.id !== undefined) providers.set(checked.id, { ...checked, source });
    });
  }

  for (const { source, lists } of documents) {
    lists.profiles.forEach((raw, index) => {
      const checked = checkProfile(raw, `profiles[${index}]`, source, trust);
      if (checked.id !== undefined && profileIds.has(checked.id)) {
        if (profileIds.get(checked.id) === source) {
          problems.push({ kind: 'profile', id: checked.id, ...named(checked), source, path: `profiles[${index}].id`, severity: 'error', message: `duplicate id "${checked.id}"; give each profile its own id` });
        }
        return;
      }
      if (checked.id !== undefined) profileIds.set(checked.id, source);
      problems.push(...checked.problems);
      const profile = checked.value;
      if (!profile?.providerId) return;
      const provider = providers.get(profile.providerId);
      const path = `profiles[${index}].provider`;
      const base = { kind: 'profile' as const, id: profile.id, ...named(checked), source, path, severity: 'error' as const };
      if (!provider) {
        const known = [...providers.keys()];
        problems.push({ ...base, message: `no provider has id "${profile.providerId}"; use one of: ${known.length ? known.join(', ') : '(none configured yet)'}` });
      } else if (!provider.value) {
        problems.push({ ...base, message: `provider "${profile.providerId}" has errors of its own; fix them first` });
      } else {
        profiles.push({ ...profile, providerId: profile.providerId });
      }
    });
  }

  return {
    providers: [...providers.values()].flatMap((checked) => (checked.value ? [checked.value] : [])),
    profiles,
    problems,
  };
}
