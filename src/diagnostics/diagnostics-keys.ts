/**
 * Keys of `storage.session` that hold diagnostics, one per provider or profile like the rest.
 * Sign-out removes them with the tokens: decoded claims are personal data.
 */

/** {@link ProviderDiagnostics} of a provider. */
export const providerDiagnosticsKey = (providerId: string): string => `diagnostics/provider/${providerId}`;
/** {@link ProfileDiagnostics} of a profile. */
export const profileDiagnosticsKey = (profileId: string): string => `diagnostics/profile/${profileId}`;
