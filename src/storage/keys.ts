/**
 * The registry of every storage key: each is declared here once, with the area that holds it
 * and the type stored under it ({@link SessionItems}, {@link LocalItems}). Keys that belong to a
 * provider or profile carry its id, so concurrent writers never overwrite each other's entries.
 */
import type { Configuration } from '../config/types';
import type { ProfileCredentials } from '../sts/credentials';
import type {
  ActivityStatus,
  ClaimedRoles,
  ProfileDiagnostics,
  ProviderDiagnostics,
  ProviderSession,
  RefreshingRecord,
  RenewalRecord,
  RetryRecord,
  TerminalAuditEntry,
  TerminalConnection,
} from './records';

// storage.session: in memory, gone when the browser closes.

/** Tokens of a signed-in provider. Secret. */
export const providerSessionKey = (providerId: string) => `provider-session/${providerId}` as const;
/** Progress of the last sign-in of a provider. */
export const providerStatusKey = (providerId: string) => `provider-status/${providerId}` as const;
/** AWS credentials of a profile. Secret. */
export const credentialsKey = (profileId: string) => `credentials/${profileId}` as const;
/** Progress of the last STS call of a profile. */
export const profileStatusKey = (profileId: string) => `profile-status/${profileId}` as const;
/** Role ARNs the provider's last ID token listed; profiles are made from them. */
export const claimedRolesKey = (providerId: string) => `claimed-roles/${providerId}` as const;
/** The renewal state of a provider. */
export const renewalKey = (providerId: string) => `renewal/${providerId}` as const;
/** The retry state of a profile whose last automatic refresh failed. */
export const retryKey = (profileId: string) => `refresh-retry/${profileId}` as const;
/** A refresh of a profile in progress. */
export const refreshingKey = (profileId: string) => `refreshing/${profileId}` as const;
/** The claims of a provider's last ID token. Sign-out removes it with the tokens: claims are personal data. */
export const providerDiagnosticsKey = (providerId: string) => `diagnostics/provider/${providerId}` as const;
/** The last STS request of a profile and how it ended. */
export const profileDiagnosticsKey = (profileId: string) => `diagnostics/profile/${profileId}` as const;
/**
 * The identity id an identity pool gave a person, by pool and subject (`<provider id>/<hashed
 * sub>`, src/cognito/identity-id-cache.ts), so GetId runs once per pool and person. Not secret,
 * but it is an identifier of the person in the pool, so it stays in session storage.
 */
export const cognitoIdentityKey = (identityPoolId: string, subject: string) => `cognito-identity/${identityPoolId}/${subject}` as const;
/**
 * The configuration as the background last read and validated it, with the roles tokens listed
 * made into profiles. Not secret. The popup reads it instead of validating the documents itself,
 * which keeps the validation code out of the popup's bundle.
 */
export const configurationKey = 'configuration';
/** The latest terminal requests, newest first, bounded (src/terminal-access/audit.ts). No secrets. */
export const terminalAuditKey = 'terminal/audit';
/** Whether the native messaging port to `wic`'s host is open, for the options page. */
export const terminalConnectionKey = 'terminal/connection';

/** What `storage.session` holds under each key. */
export interface SessionItems {
  [key: `provider-session/${string}`]: ProviderSession;
  [key: `provider-status/${string}`]: ActivityStatus;
  [key: `credentials/${string}`]: ProfileCredentials;
  [key: `profile-status/${string}`]: ActivityStatus;
  [key: `claimed-roles/${string}`]: ClaimedRoles;
  [key: `renewal/${string}`]: RenewalRecord;
  [key: `refresh-retry/${string}`]: RetryRecord;
  [key: `refreshing/${string}`]: RefreshingRecord;
  [key: `diagnostics/provider/${string}`]: ProviderDiagnostics;
  [key: `diagnostics/profile/${string}`]: ProfileDiagnostics;
  [key: `cognito-identity/${string}`]: string;
  [configurationKey]: Configuration;
  [terminalAuditKey]: TerminalAuditEntry[];
  [terminalConnectionKey]: TerminalConnection;
}

// storage.local: the user's own documents and choices, and non-secret hints. Nothing secret.

/** The user's configuration document (providers and profiles), as they wrote or imported it. */
export const localConfigKey = 'config';
/**
 * Origins the user confirmed, one by one in the options page, as hosts their own configuration
 * may send tokens to (src/config/endpoint-trust.ts). Imports never write it.
 */
export const trustedEndpointsKey = 'trusted-endpoints';
/** The user's refresh settings; the policy's `settings` field has the same shape. */
export const settingsKey = 'settings';
/**
 * Ids of providers signed in: after a browser restart or an extension update wiped session
 * storage, it tells the popup who was signed in and must sign in again.
 */
export const signedInHintKey = 'signed-in-providers';
/**
 * The name of this browser profile's socket (`profileKey` of the terminal hello): random, made
 * once, so two browsers or browser profiles never share a socket. Not secret: it only names it.
 */
export const terminalProfileKeyKey = 'terminal/profile-key';
/** One key per preference, so writers never overwrite each other. */
export const preferenceKeys = {
  lastFormat: 'copy/last-format',
  lastProfileId: 'copy/last-profile',
  clearClipboardAfterSeconds: 'clipboard/clear-after-seconds',
} as const;

/** What `storage.local` holds under each key; documents are checked when read, so they are `unknown` here. */
export interface LocalItems {
  [localConfigKey]: unknown;
  [settingsKey]: unknown;
  [trustedEndpointsKey]: unknown;
  [signedInHintKey]: string[];
  [terminalProfileKeyKey]: string;
  [preferenceKeys.lastFormat]: string;
  [preferenceKeys.lastProfileId]: string;
  [preferenceKeys.clearClipboardAfterSeconds]: number;
}
