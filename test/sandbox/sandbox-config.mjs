// The configuration `npm start` writes into the extension: one provider (the sandbox IdP) and one
// profile (a role assumed through the sandbox's STS). Types for the TypeScript side are in
// sandbox-config.d.mts.

/** Part of the profile's name when STS is the stand-in: the popup and its Details page show it. */
export const STAND_IN_NOTE = 'STS stand-in, not AWS';

/**
 * Also the document the e2e harnesses write (test/e2e/support/harness.ts), so `npm start` and the
 * tests run the same configuration.
 * @param {string} issuer the sandbox IdP's
 * @param {{ endpoint: string, kind: 'moto' | 'stand-in' } | undefined} sts absent: the regional AWS endpoint
 * @param {{ clientId?: string }} [options] the IdP client registered for the extension
 */
export function sandboxConfig(issuer, sts, { clientId = 'web-identity-credentials' } = {}) {
  return {
    // At the format version the extension stores (src/config/migrations.ts), so the migration it
    // runs on install has nothing to rewrite.
    schemaVersion: 2,
    providers: [{ id: 'sandbox', name: 'Sandbox IdP', issuer, clientId, scopes: 'openid offline_access' }],
    profiles: [{
      id: 'dev',
      name: sts?.kind === 'stand-in' ? `Sandbox developer · ${STAND_IN_NOTE}` : 'Sandbox developer',
      provider: 'sandbox',
      roleArn: 'arn:aws:iam::123456789012:role/Developer',
      region: 'us-east-1',
      durationSeconds: 3600,
      ...(sts ? { stsEndpoint: sts.endpoint } : {}),
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
