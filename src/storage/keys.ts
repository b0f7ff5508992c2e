/**
 * Keys of `storage.session`. One key per provider or profile, so concurrent writers never
 * overwrite each other's entries.
 */

/** Tokens of a signed-in provider ({@link ProviderSession}). Secret. */
export const providerSessionKey = (providerId: string): string => `provider-session/${providerId}`;
/** Progress of the last sign-in of a provider ({@link ActivityStatus}). */
export const providerStatusKey = (providerId: string): string => `provider-status/${providerId}`;
/** AWS credentials of a profile ({@link ProfileCredentials}). Secret. */
export const credentialsKey = (profileId: string): string => `credentials/${profileId}`;
/** Progress of the last STS call of a profile ({@link ActivityStatus}). */
export const profileStatusKey = (profileId: string): string => `profile-status/${profileId}`;

/** Role ARNs the provider's last ID token listed ({@link ClaimedRoles}); profiles are made from them. */
export const claimedRolesKey = (providerId: string): string => `claimed-roles/${providerId}`;

/**
 * The configuration as the background last read and validated it, with the roles tokens listed
 * made into profiles ({@link Configuration}). Not secret. The popup reads it instead of
 * validating the documents itself, which keeps the validation code out of the popup's bundle.
 */
export const configurationKey = 'configuration';

/** The key in `storage.local` that holds the user's own configuration document. */
export const localConfigKey = 'config';
