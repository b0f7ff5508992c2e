/** Types of sts-stand-in.mjs, for the TypeScript that imports it (test/unit/sandbox). */

export interface StsStandInOptions {
  /** The IAM OIDC provider it plays: the issuer whose tokens it accepts and the client ids they may be for. */
  trust: { issuer: string; audiences: string[] };
  /** A free one by default. */
  port?: number;
  /** How it reaches the issuer's discovery document and keys; the global fetch by default. */
  fetch?: typeof fetch;
}

export interface StsStandIn {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the STS stand-in on 127.0.0.1. */
export function startStsStandIn(options: StsStandInOptions): Promise<StsStandIn>;
