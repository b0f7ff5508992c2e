/** Types of sandbox-config.mjs, for the TypeScript that imports it (test/e2e). */

/** Part of the profile's name when STS is the stand-in: the popup and its Details page show it. */
export const STAND_IN_NOTE: string;

/** The configuration `npm start` writes into the extension for this IdP and STS. */
export function sandboxConfig(issuer: string, sts: { endpoint: string; kind: 'moto' | 'stand-in' } | undefined, options?: { clientId?: string }): {
  schemaVersion: number;
  providers: { id: string; name: string; issuer: string; clientId: string; scopes: string }[];
  profiles: { id: string; name: string; provider: string; roleArn: string; region: string; durationSeconds: number; stsEndpoint?: string }[];
};

/** The origins a configuration sends tokens to, as the options page records them once the user confirms each. */
export function confirmedOrigins(config: { providers?: unknown[]; profiles?: unknown[] }): string[];
