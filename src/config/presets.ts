/**
 * Provider presets: what each identity provider needs, how to register the extension there, and
 * the traps each one sets. Texts may name `{redirectUri}` and `{extensionOrigin}`, which the
 * options page fills in with this browser's values.
 */
import type { ProviderInput } from './types';

/** One value a preset asks for to build the issuer. */
export interface PresetParameter {
  key: string;
  label: string;
  placeholder: string;
  /** Optional parameters may stay blank. */
  optional?: boolean;
  check?(value: string): string | undefined;
}

/** Everything the options page knows about one kind of identity provider. */
export interface Preset {
  id: string;
  label: string;
  parameters: PresetParameter[];
  /** The provider's fields, built from the parameters (already checked). */
  fields(values: Record<string, string>): Partial<ProviderInput>;
  /** Where and how to register the application at the IdP. */
  registration: string[];
  /** What goes wrong with this IdP, said where the user registers the app. */
  traps: string[];
  /** The AWS side: the IAM identity provider and trust policy conditions. */
  aws: string[];
  /** Origins besides the issuer's that the extension may need to reach. */
  extraOrigins?: string[];
}

const host = (label: string, example: string): PresetParameter => ({
  key: 'domain',
  label,
  placeholder: example,
  check: (value) => (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(value) ? undefined : `must be a host name such as ${example}, without https:// or a path`),
});
const baseUrl = (label: string, example: string, optional = false): PresetParameter => ({
  key: 'url',
  label,
  placeholder: example,
  optional,
  check: (value) => (/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(value) ? undefined : `must be a URL such as ${example}`),
});
const trim = (url: string) => url.replace(/\/+$/, '');
const iamOidc = (issuer: string) => [
  `IAM → Identity providers → Add provider → OpenID Connect: provider URL ${issuer}, audience the client id.`,
  'The role\'s trust policy allows sts:AssumeRoleWithWebIdentity for that Federated principal, with conditions on "<issuer host and path>:aud" (the client id) and ":sub" (who may use it).',
];
const publicClient = 'Register a public client (no client secret) using the authorization code flow with PKCE, redirect URI {redirectUri}.';

/** Every preset, in the order the options page offers them. */
export const presets: readonly Preset[] = [
  {
    id: 'okta',
    label: 'Okta',
    parameters: [host('Okta domain', 'example.okta.com'), { key: 'server', label: 'Authorization server (blank for the org server)', placeholder: 'default', optional: true, check: (value) => (/^[\w-]+$/.test(value) ? undefined : 'must be an authorization server id such as default') }],
    fields: ({ domain = '', server }) => ({ issuer: server ? `https://${domain}/oauth2/${server}` : `https://${domain}`, scopes: 'openid email profile' }),
    registration: ['Admin console → Applications → Create App Integration → OIDC - OpenID Connect → Single-Page Application.', 'Grant type: Authorization Code; sign-in redirect URI: {redirectUri}.', 'Assignments: assign the people or groups who may sign in.'],
    traps: [
      'Okta answers token requests from a browser only for trusted origins: Security → API → Trusted Origins → add {extensionOrigin} with CORS checked.',
      'The org server (https://<domain>) and a custom authorization server (https://<domain>/oauth2/default) are different issuers; the IAM identity provider must name the one used here.',
    ],
    aws: iamOidc('the issuer above'),
  },
  {
    id: 'entra',
    label: 'Microsoft Entra ID',
    parameters: [{
      key: 'tenant',
      label: 'Directory (tenant) id',
      placeholder: '00000000-0000-0000-0000-000000000000',
      check: (value) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
        ? undefined
        : 'must be the directory (tenant) id, a GUID: "common", "organizations" or a domain name make the discovery document name another issuer'),
    }],
    fields: ({ tenant = '' }) => ({ issuer: `https://login.microsoftonline.com/${tenant.toLowerCase()}/v2.0`, scopes: 'openid profile email' }),
    registration: ['Entra admin center → App registrations → New registration; supported account types: this organizational directory only.', 'Redirect URI: platform "Single-page application (SPA)", URI {redirectUri}.', 'Copy the application (client) id.'],
    traps: [
      'Add the redirect URI under the Single-page application platform, not Web: only SPA redirect URIs may redeem a code from a browser without a secret (otherwise the token request fails with AADSTS9002326 or AADSTS9002327).',
      'Use the tenant id in the issuer; "common" never matches the issuer Entra puts in its tokens.',
      'A domain hint skips the account picker: add the authorization parameter domain_hint with your domain.',
    ],
    aws: iamOidc('https://login.microsoftonline.com/<tenant id>/v2.0'),
  },
  {
    id: 'google',
    label: 'Google',
    parameters: [{ key: 'hd', label: 'Google Workspace domain (optional)', placeholder: 'example.com', optional: true, check: (value) => (/^[\w.-]+\.[a-z]{2,}$/i.test(value) ? undefined : 'must be a domain such as example.com') }],
    fields: ({ hd }) => ({ issuer: 'https://accounts.google.com', scopes: 'openid email', flow: 'implicit', ...(hd ? { authParams: { hd } } : {}) }),
    registration: ['Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID → Web application.', 'Authorized redirect URIs: {redirectUri}.', 'Configure the OAuth consent screen (Internal for a Workspace organization).'],
    traps: [
      'Google\'s token endpoint wants a client secret for every client type an extension can use, so this preset uses the id_token (implicit) flow with a nonce; the extension checks the token\'s signature against Google\'s published keys.',
      'In IAM the condition key accounts.google.com:aud matches the token\'s azp claim (the client id), and accounts.google.com:oaud its aud.',
      'Google\'s keys are served from https://www.googleapis.com; if fetching them fails, allow the extension to reach that origin below.',
    ],
    aws: [
      'Google is built into IAM: no identity provider to create. Trust policy principal {"Federated": "accounts.google.com"}, condition "accounts.google.com:aud" equal to the client id.',
      'Also pin who may assume the role: condition "accounts.google.com:sub" equal to each person\'s Google subject id. The audience alone lets anyone with a Google account who signs in to your client assume it.',
    ],
    extraOrigins: ['https://www.googleapis.com'],
  },
  {
    id: 'auth0',
    label: 'Auth0',
    parameters: [host('Auth0 domain (or custom domain)', 'example.eu.auth0.com')],
    fields: ({ domain = '' }) => ({ issuer: `https://${domain}/`, scopes: 'openid email' }),
    registration: ['Applications → Create Application → Single Page Web Applications.', 'Allowed Callback URLs: {redirectUri}.', 'Allowed Web Origins: {extensionOrigin}.'],
    traps: [
      'The issuer ends with a slash (https://<domain>/); without it, the discovery document names another issuer.',
      'Without {extensionOrigin} in Allowed Web Origins, the token request is refused (CORS).',
      'The "audience" parameter only shapes the access token; STS uses the ID token, whose audience is the client id.',
    ],
    aws: iamOidc('https://<domain>/'),
  },
  {
    id: 'keycloak',
    label: 'Keycloak',
    parameters: [baseUrl('Keycloak URL', 'https://sso.example.com'), { key: 'realm', label: 'Realm', placeholder: 'myrealm', check: (value) => (/^[^/\s?#]+$/.test(value) ? undefined : 'must be a realm name without "/"') }],
    fields: ({ url = '', realm = '' }) => ({ issuer: `${trim(url)}/realms/${realm}`, scopes: 'openid' }),
    registration: ['Clients → Create client → OpenID Connect; Client authentication off; Standard flow on.', 'Valid redirect URIs: {redirectUri}.', 'Web origins: {extensionOrigin}.'],
    traps: [
      'Recent Keycloak versions reject requests whose Origin is not in the client\'s Web origins: add {extensionOrigin}, the extension\'s own origin.',
      'Keycloak before version 17 serves realms under /auth: include it in the URL (https://sso.example.com/auth).',
      'Set the client\'s PKCE method to S256 so that no code is redeemed without PKCE.',
    ],
    aws: iamOidc('<url>/realms/<realm>'),
  },
  {
    id: 'cognito',
    label: 'Amazon Cognito user pool',
    parameters: [{
      key: 'pool',
      label: 'User pool id',
      placeholder: 'eu-west-1_AbCdEf123',
      check: (value) => (/^[a-z]{2,4}(-[a-z]+)+-\d{1,2}_[0-9A-Za-z]+$/.test(value) ? undefined : 'must be a user pool id such as eu-west-1_AbCdEf123'),
    }],
    fields: ({ pool = '' }) => ({ issuer: `https://cognito-idp.${pool.split('_')[0]}.amazonaws.com/${pool}`, scopes: 'openid email' }),
    registration: ['User pool → App clients → Create app client: Public client, no client secret.', 'Set up a domain (Cognito or custom) for managed login, or there is no authorization endpoint.', 'Allowed callback URLs: {redirectUri}; OAuth grant: authorization code; scopes: openid, email.'],
    traps: [
      'An app client with a client secret fails at the token endpoint (invalid_client): create a public one.',
      'Groups that carry an IAM role put their role ARNs in the cognito:roles claim: set "Roles from claim" to cognito:roles to get a profile per group.',
    ],
    aws: iamOidc('https://cognito-idp.<region>.amazonaws.com/<pool id>'),
  },
  {
    id: 'gitlab',
    label: 'GitLab',
    parameters: [baseUrl('GitLab URL', 'https://gitlab.com')],
    fields: ({ url = '' }) => ({ issuer: trim(url), scopes: 'openid' }),
    registration: ['User, group or admin settings → Applications → Add new application.', 'Redirect URI: {redirectUri}; scopes: openid.', 'Leave "Confidential" unchecked.'],
    traps: ['A confidential application needs a secret at the token endpoint: uncheck "Confidential".', 'On self-managed GitLab the issuer is the instance URL exactly as its discovery document states it.'],
    aws: iamOidc('the GitLab URL'),
  },
  {
    id: 'generic',
    label: 'Other OpenID Connect provider',
    parameters: [{ key: 'issuer', label: 'Issuer URL', placeholder: 'https://idp.example.com', check: (value) => (/^https?:\/\/\S+$/.test(value) ? undefined : 'must be the issuer URL, such as https://idp.example.com') }],
    fields: ({ issuer = '' }) => ({ issuer, scopes: 'openid' }),
    registration: [publicClient, 'If the provider asks for allowed (CORS) origins, add {extensionOrigin}.'],
    traps: ['The issuer must be exactly the "issuer" of the provider\'s /.well-known/openid-configuration, trailing slash included.'],
    aws: iamOidc('the issuer'),
  },
  {
    id: 'amazon',
    label: 'Login with Amazon (OAuth 2.0)',
    parameters: [],
    fields: () => ({ type: 'oauth2', stsProviderId: 'www.amazon.com', scopes: 'profile' }),
    registration: ['Login with Amazon console → create a security profile → Web Settings.', 'Allowed Return URLs: {redirectUri}; Allowed Origins: {extensionOrigin}.'],
    traps: [
      'STS gets an OAuth 2.0 access token with ProviderId www.amazon.com; there is no ID token and no IAM identity provider to create.',
      'The user id comes from https://api.amazon.com; if reading it fails, allow the extension to reach that origin below.',
    ],
    aws: [
      'Trust policy principal {"Federated": "www.amazon.com"}, condition "www.amazon.com:app_id" equal to the security profile\'s app id (amzn1.application.…), which is not the client id.',
      'Also pin who may assume the role: condition "www.amazon.com:user_id" equal to each person\'s Amazon user id. The app id alone lets anyone with an Amazon account assume it.',
    ],
    extraOrigins: ['https://api.amazon.com'],
  },
  {
    id: 'facebook',
    label: 'Facebook (OAuth 2.0)',
    parameters: [],
    fields: () => ({ type: 'oauth2', stsProviderId: 'graph.facebook.com', scopes: 'public_profile' }),
    registration: ['Meta for Developers → your app → Facebook Login → Settings.', 'Valid OAuth Redirect URIs: {redirectUri}.'],
    traps: ['STS gets the access token with ProviderId graph.facebook.com; there is no ID token and no IAM identity provider to create.'],
    aws: [
      'Trust policy principal {"Federated": "graph.facebook.com"}, condition "graph.facebook.com:app_id" equal to the app id (the client id).',
      'Also pin who may assume the role: condition "graph.facebook.com:id" equal to each person\'s app-scoped Facebook user id. The app id alone lets anyone with a Facebook account assume it.',
    ],
    extraOrigins: ['https://graph.facebook.com'],
  },
];

/** The preset with this id. */
export function presetById(id: string | undefined): Preset | undefined {
  return presets.find((preset) => preset.id === id);
}

/** Fills `{redirectUri}` and `{extensionOrigin}` into a preset's text. */
export function presetText(text: string, values: { redirectUri: string; extensionOrigin: string }): string {
  return text.replaceAll('{redirectUri}', values.redirectUri).replaceAll('{extensionOrigin}', values.extensionOrigin);
}

/** The result of building a provider from a preset: the entry, or a message per parameter. */
export type PresetBuild = { ok: true; provider: ProviderInput } | { ok: false; problems: Record<string, string> };

/**
 * Builds a provider entry from a preset, its parameter values and a client id.
 * @param takenIds ids already in use, so the new entry gets its own
 */
export function providerFromPreset(preset: Preset, values: Record<string, string>, clientId: string, takenIds: readonly string[]): PresetBuild {
  const problems: Record<string, string> = {};
  const trimmed: Record<string, string> = {};
  for (const parameter of preset.parameters) {
    const value = (values[parameter.key] ?? '').trim();
    if (!value) {
      if (!parameter.optional) problems[parameter.key] = 'is required';
      continue;
    }
    const problem = parameter.check?.(value);
    if (problem) problems[parameter.key] = problem;
    else trimmed[parameter.key] = value;
  }
  if (!clientId.trim()) problems.clientId = 'is required';
  if (Object.keys(problems).length) return { ok: false, problems };
  let id = preset.id;
  for (let n = 2; takenIds.includes(id); n += 1) id = `${preset.id}-${n}`;
  return { ok: true, provider: { id, name: preset.label.replace(/ \(OAuth 2\.0\)$/, ''), preset: preset.id, clientId: clientId.trim(), ...preset.fields(trimmed) } as ProviderInput };
}
