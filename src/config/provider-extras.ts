/**
 * The provider fields beyond the first format: presets, flows, extra authorization parameters,
 * roles from a claim, and OAuth 2.0 providers (Login with Amazon, Facebook).
 */
import type { Check, EntryReader } from './entry-reader';
import { checkEndpointUrl, checkRegion, checkScopes } from './field-checks';
import { oauthProviders } from './oauth-providers';
import { presetIds } from './preset-ids';
import type { Provider, RolesFromClaim } from './types';

/** Field names these extras add to a provider entry. */
export const providerExtraFields = ['type', 'preset', 'flow', 'authParams', 'rolesFromClaim', 'stsProviderId', 'authorizationEndpoint', 'userInfoEndpoint'] as const;

/** Parameters the extension sets itself; an entry may not override them. */
export const reservedAuthParams: readonly string[] = [
  'client_id', 'redirect_uri', 'response_type', 'response_mode', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'request', 'request_uri',
];

/** What the rest of the provider check needs from the extras. */
export interface ProviderExtras {
  /** Set for OAuth 2.0 providers, which have no issuer of their own. */
  issuer?: string;
  defaultScopes: string;
  checkScopes: Check<string>;
  values: Partial<Provider>;
}

const oneOf = (allowed: readonly string[]): Check<string> => (value) =>
  allowed.includes(value) ? undefined : `must be one of ${allowed.map((item) => `"${item}"`).join(', ')} (got ${JSON.stringify(value)})`;

function readAuthParams(reader: EntryReader): Record<string, string> | undefined {
  const raw = reader.value('authParams');
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    reader.fieldError('authParams', 'must be an object of parameter names and string values, e.g. {"prompt": "select_account"}');
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (reservedAuthParams.includes(name)) reader.fieldError(`authParams.${name}`, `is set by the extension and cannot be overridden${name === 'scope' ? '; use "scopes"' : ''}`);
    else if (!/^[\w.-]{1,64}$/.test(name)) reader.fieldError(`authParams.${name}`, 'parameter names are letters, digits, "_", "." or "-"');
    else if (typeof value !== 'string') reader.fieldError(`authParams.${name}`, `must be a string (got ${value === null ? 'null' : typeof value})`);
    else params[name] = value;
  }
  return params;
}

const checkAccountId: Check<string> = (value) => (/^\d{12}$/.test(value) ? undefined : `must be a 12-digit AWS account id (got ${JSON.stringify(value)})`);
const checkRoleNamePattern: Check<string> = (value) =>
  /^[\w+=,.@*-]{1,64}$/.test(value) ? undefined : `must be a role name or a pattern with * such as "Dev*" (got ${JSON.stringify(value)})`;

function readRolesFromClaim(reader: EntryReader): RolesFromClaim | undefined {
  const nested = reader.nested('rolesFromClaim', ['claim', 'region', 'durationSeconds', 'stsEndpoint', 'pinned'], ['allowedAccounts', 'allowedRoleNames']);
  if (!nested) return undefined;
  const claim = nested.requiredString('claim');
  const region = nested.optionalString('region', '', checkRegion);
  const durationSeconds = nested.optionalInteger('durationSeconds', 3600, 900, 43200, ' seconds');
  const stsEndpoint = nested.optionalString('stsEndpoint', '', checkEndpointUrl);
  const pinned = nested.optionalBoolean('pinned', true);
  const allowedAccounts = nested.optionalStringList('allowedAccounts', 100, checkAccountId);
  const allowedRoleNames = nested.optionalStringList('allowedRoleNames', 100, checkRoleNamePattern);
  if (!claim || region === undefined || durationSeconds === undefined || stsEndpoint === undefined || pinned === undefined || !allowedAccounts || !allowedRoleNames) return undefined;
  return {
    claim, durationSeconds, pinned, ...(region ? { region } : {}), ...(stsEndpoint ? { stsEndpoint } : {}),
    ...(allowedAccounts.length ? { allowedAccounts } : {}), ...(allowedRoleNames.length ? { allowedRoleNames } : {}),
  };
}

/** Reads the extra provider fields, recording problems on the reader. */
export function readProviderExtras(reader: EntryReader): ProviderExtras {
  const values: Partial<Provider> = {};
  const type = reader.optionalString('type', 'oidc', oneOf(['oidc', 'oauth2']));
  const preset = reader.optionalString('preset', '');
  if (preset && !presetIds.includes(preset)) reader.fieldWarning('preset', `is not a preset this version knows (${presetIds.join(', ')}); its notes are not shown`);
  if (preset) values.preset = preset;
  const authParams = readAuthParams(reader);
  if (authParams) values.authParams = authParams;

  if (type === 'oauth2') {
    for (const field of ['issuer', 'flow', 'rolesFromClaim'] as const) {
      if (reader.value(field) !== undefined) reader.fieldWarning(field, 'is not used by OAuth 2.0 providers, ignored');
    }
    const stsProviderId = reader.requiredString('stsProviderId', oneOf(Object.keys(oauthProviders)));
    const known = stsProviderId ? oauthProviders[stsProviderId] : undefined;
    const authorizationEndpoint = reader.optionalString('authorizationEndpoint', known?.authorizationEndpoint ?? '', checkEndpointUrl);
    const userInfoEndpoint = reader.optionalString('userInfoEndpoint', known?.userInfoEndpoint ?? '', checkEndpointUrl);
    if (stsProviderId && authorizationEndpoint && userInfoEndpoint) values.oauth = { stsProviderId, authorizationEndpoint, userInfoEndpoint };
    return {
      issuer: `https://${stsProviderId ?? 'oauth2.invalid'}`,
      defaultScopes: known?.defaultScopes ?? '',
      checkScopes: () => undefined,
      values,
    };
  }

  for (const field of ['stsProviderId', 'authorizationEndpoint', 'userInfoEndpoint'] as const) {
    if (reader.value(field) !== undefined) reader.fieldWarning(field, 'is used only with "type": "oauth2", ignored');
  }
  const flow = reader.optionalString('flow', '', oneOf(['code', 'implicit']));
  if (flow === 'code' || flow === 'implicit') values.flow = flow;
  const rolesFromClaim = readRolesFromClaim(reader);
  if (rolesFromClaim) values.rolesFromClaim = rolesFromClaim;
  return { defaultScopes: 'openid', checkScopes, values };
}
