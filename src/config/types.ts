/**
 * The configuration contract: what users import and administrators push by policy.
 * Later versions extend these shapes; they never change what a field means.
 */

/** Where an entry came from. Managed entries are set by policy and read-only for the user. */
export type ConfigSource = 'managed' | 'local';

/** A provider as written in a configuration document, before validation. */
export interface ProviderInput {
  id: string;
  name?: string;
  issuer: string;
  clientId: string;
  /** Space-separated scopes; defaults to `openid`. */
  scopes?: string;
  /** `oidc` (default) or `oauth2` for OAuth 2.0 access tokens (Login with Amazon, Facebook). */
  type?: 'oidc' | 'oauth2';
  /** The preset the provider was made from (`okta`, `entra`, …); the options page shows its notes. */
  preset?: string;
  /** `code` (authorization code with PKCE, the default) or `implicit` (`id_token` with nonce). */
  flow?: 'code' | 'implicit';
  /** Extra authorization request parameters such as `audience`, `prompt`, `login_hint`, `domain_hint`. */
  authParams?: Record<string, string>;
  /** Profiles from a claim of the ID token listing role ARNs. */
  rolesFromClaim?: RolesFromClaimInput;
  /** For `type: "oauth2"`: the STS `ProviderId`, `www.amazon.com` or `graph.facebook.com`. */
  stsProviderId?: string;
  /** For `type: "oauth2"`: overrides the provider's authorization endpoint. */
  authorizationEndpoint?: string;
  /** For `type: "oauth2"`: overrides the endpoint that tells the user's id. */
  userInfoEndpoint?: string;
}

/** Which claim lists the roles a user may assume, and the settings of the profiles made from it. */
export interface RolesFromClaimInput {
  claim: string;
  region?: string;
  durationSeconds?: number;
  stsEndpoint?: string;
  pinned?: boolean;
  /** Only roles in these 12-digit accounts become profiles; absent or empty means any account. */
  allowedAccounts?: string[];
  /** Only roles whose name matches one of these (`*` matches any characters) become profiles. */
  allowedRoleNames?: string[];
}

/** A profile (one IAM role) as written in a configuration document, before validation. */
export interface ProfileInput {
  id: string;
  name?: string;
  /** The `id` of the provider whose ID token assumes this role. */
  provider: string;
  /** Required, except for an identity pool's enhanced flow, where the pool may choose the role. */
  roleArn?: string;
  /** Defaults to `us-east-1`. */
  region?: string;
  /** 900..43200; defaults to 3600. */
  durationSeconds?: number;
  /** Defaults to the regional STS endpoint of `region` in the role's partition. */
  stsEndpoint?: string;
  /** Pinned profiles are listed first and kept fresh while the user browses; defaults to true. */
  pinned?: boolean;
  /** AWS federation endpoint for console sign-in; defaults to the one of the role's partition. */
  signinEndpoint?: string;
  /** Console page to open after sign-in; defaults to the console home of `region`. */
  consoleDestination?: string;
  /** A friendly name of the account, shown beside its id. */
  alias?: string;
  /** `#rrggbb`, marks the profile so production stands out. */
  color?: string;
  /** An inline session policy (JSON text, or an object in local configuration). */
  sessionPolicy?: string | Record<string, unknown>;
  /** Up to 10 managed policy ARNs that narrow the session. */
  policyArns?: string[];
  /** RoleSessionName template; defaults to `wic-{subject_hash}`. */
  sessionNameTemplate?: string;
  /** An Amazon Cognito identity pool (`<region>:<uuid>`) that gives the credentials instead of STS. */
  identityPoolId?: string;
  /** `enhanced` (the default: GetCredentialsForIdentity) or `basic` (GetOpenIdToken, then STS). */
  cognitoFlow?: CognitoFlow;
  /** The AWS account that owns the identity pool (12 digits). */
  accountId?: string;
  /** Defaults to the regional Cognito identity endpoint of the pool's region. */
  cognitoEndpoint?: string;
}

/** The two authentication flows of an identity pool. */
export type CognitoFlow = 'enhanced' | 'basic';

/** Where a profile's identity pool is and how it is used. */
export interface CognitoSettings {
  identityPoolId: string;
  flow: CognitoFlow;
  /** The Cognito identity endpoint (`https://cognito-identity.<region>.amazonaws.com` by default). */
  endpoint: string;
  /** Set when configured; sent as GetId's `AccountId`. */
  accountId?: string;
}

/** A whole configuration document, as stored in `storage.local` under `config` or pushed by policy. */
export interface ConfigDocument {
  /** The format's version; absent means 1. Migrations bring stored documents to the current one. */
  schemaVersion?: number;
  providers?: ProviderInput[];
  profiles?: ProfileInput[];
}

/** A provider that passed validation, with defaults filled in. */
export interface Provider {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  scopes: string;
  source: ConfigSource;
  preset?: string;
  /** Absent means `code`. */
  flow?: 'code' | 'implicit';
  authParams?: Record<string, string>;
  rolesFromClaim?: RolesFromClaim;
  /** Set for OAuth 2.0 (non-OIDC) providers; their `issuer` is `https://<stsProviderId>`. */
  oauth?: OAuthSettings;
}

/** Validated {@link RolesFromClaimInput}. */
export interface RolesFromClaim {
  claim: string;
  region?: string;
  durationSeconds: number;
  stsEndpoint?: string;
  pinned: boolean;
  allowedAccounts?: string[];
  allowedRoleNames?: string[];
}

/** Where an OAuth 2.0 provider signs in, and what STS calls it. */
export interface OAuthSettings {
  stsProviderId: string;
  authorizationEndpoint: string;
  userInfoEndpoint: string;
}

/**
 * A profile that passed validation, with defaults filled in and its role ARN taken apart. An
 * identity pool profile whose pool chooses the role has `roleArn` and `roleName` empty, and
 * `accountId` empty unless configured.
 */
export interface Profile {
  id: string;
  name: string;
  providerId: string;
  roleArn: string;
  partition: string;
  accountId: string;
  roleName: string;
  region: string;
  durationSeconds: number;
  stsEndpoint: string;
  pinned: boolean;
  /** Set only when configured; see `src/console/console-endpoints.ts` for the default. */
  signinEndpoint?: string;
  /** Set only when configured; see `src/console/console-endpoints.ts` for the default. */
  consoleDestination?: string;
  source: ConfigSource;
  alias?: string;
  color?: string;
  /** Minified JSON. */
  sessionPolicy?: string;
  policyArns?: string[];
  sessionNameTemplate?: string;
  /** Made after sign-in from a role listed in the ID token (see {@link RolesFromClaim}). */
  fromToken?: boolean;
  /** Set for a profile whose credentials come from an Amazon Cognito identity pool. */
  cognito?: CognitoSettings;
}

/**
 * Something wrong with one entry. `path` names the field as it appears in the document
 * (`profiles[1].roleArn`); `message` says what is wrong and how to fix it.
 */
export interface ConfigProblem {
  kind: 'provider' | 'profile' | 'document';
  /** The entry's id when it has a usable one. */
  id?: string;
  /** The entry's `name` when it has one, so the popup can say which entry a person means. */
  name?: string;
  source: ConfigSource;
  path: string;
  message: string;
  /** Warnings leave the entry usable; errors keep it out of service until fixed. */
  severity: 'error' | 'warning';
  /**
   * Set when the only thing wrong is that the field sends a token to this origin, which the user
   * has not confirmed (src/config/endpoint-trust.ts): the options page offers to trust it.
   */
  confirmOrigin?: string;
}

/** Validated configuration: every usable entry, and every problem found on the others. */
export interface Configuration {
  providers: Provider[];
  profiles: Profile[];
  problems: ConfigProblem[];
}
