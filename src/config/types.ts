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
}

/** A profile (one IAM role) as written in a configuration document, before validation. */
export interface ProfileInput {
  id: string;
  name?: string;
  /** The `id` of the provider whose ID token assumes this role. */
  provider: string;
  roleArn: string;
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
}

/** A whole configuration document, as stored in `storage.local` under `config` or pushed by policy. */
export interface ConfigDocument {
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
}

/** A profile that passed validation, with defaults filled in and its role ARN taken apart. */
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
}

/**
 * Something wrong with one entry. `path` names the field as it appears in the document
 * (`profiles[1].roleArn`); `message` says what is wrong and how to fix it.
 */
export interface ConfigProblem {
  kind: 'provider' | 'profile' | 'document';
  /** The entry's id when it has a usable one. */
  id?: string;
  source: ConfigSource;
  path: string;
  message: string;
  /** Warnings leave the entry usable; errors keep it out of service until fixed. */
  severity: 'error' | 'warning';
}

/** Validated configuration: every usable entry, and every problem found on the others. */
export interface Configuration {
  providers: Provider[];
  profiles: Profile[];
  problems: ConfigProblem[];
}
