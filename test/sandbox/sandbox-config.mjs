// The configuration `npm start` writes into the extension: one provider (the sandbox IdP) and one
// profile (a role assumed through the sandbox's STS). Types for the TypeScript side are in
// sandbox-config.d.mts.

/** Part of the profile's name when STS is the stand-in: the popup and its Details page show it. */
export const STAND_IN_NOTE = 'STS stand-in, not AWS';

/**
 * @param {string} issuer the sandbox IdP's
 * @param {{ endpoint: string, kind: 'moto' | 'stand-in' }} sts
 */
export function sandboxConfig(issuer, sts) {
  return {
    // At the format version the extension stores (src/config/migrations.ts), so the migration it
    // runs on install has nothing to rewrite.
    schemaVersion: 2,
    providers: [{ id: 'sandbox', name: 'Sandbox IdP', issuer, clientId: 'web-identity-credentials', scopes: 'openid offline_access' }],
    profiles: [{
      id: 'dev',
      name: sts.kind === 'stand-in' ? `Sandbox developer · ${STAND_IN_NOTE}` : 'Sandbox developer',
      provider: 'sandbox',
      roleArn: 'arn:aws:iam::123456789012:role/Developer',
      region: 'us-east-1',
      durationSeconds: 3600,
      stsEndpoint: sts.endpoint,
    }],
  };
}

/**
 * The origins a configuration sends tokens to (STS, roles-from-claim STS, OAuth 2.0 endpoints),
 * as the options page records them once the user confirms each (`trusted-endpoints` in
 * storage.local). `npm start` and the e2e harnesses write a local document straight to storage,
 * standing in for the user who imported it and confirmed the sandbox's loopback hosts.
 * @param {{ providers?: object[], profiles?: object[] }} config
 * @returns {string[]}
 */
export function confirmedOrigins(config) {
  const urls = [
    ...(config.profiles ?? []).flatMap((profile) => [profile.stsEndpoint, profile.cognitoEndpoint]),
    ...(config.providers ?? []).flatMap((provider) => [provider.rolesFromClaim?.stsEndpoint, provider.authorizationEndpoint, provider.userInfoEndpoint]),
  ];
  const origins = urls.flatMap((url) => {
    try {
      return typeof url === 'string' ? [new URL(url).origin] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}
