/**
 * The ids of the provider presets, apart from their texts so the background's validation does
 * not carry the options page's guides.
 */
export const presetIds: readonly string[] = ['okta', 'entra', 'google', 'auth0', 'keycloak', 'cognito', 'gitlab', 'generic', 'amazon', 'facebook'];
