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
