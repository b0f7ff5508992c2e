/**
 * Stands in, at build time, for the parts of the AWS SDK that an unsigned
 * AssumeRoleWithWebIdentity never runs: SigV4 signing (the call carries no AWS credentials; its
 * auth scheme is `smithy.api#noAuth`), the hash only signing uses, adaptive retries (the client
 * retries in standard mode), the partition table (the endpoint is always given) and event streams
 * (STS has none). The STS client imports them eagerly, which put about 45 KB of dead code in the
 * service worker. webpack.config.js points those imports here and stops the build if one names
 * something missing here; should a future SDK start to use them, the call fails loudly with the
 * reason, and the end-to-end sign-in against moto shows it.
 *
 * Why SigV4 is never reached: for AssumeRoleWithWebIdentity the STS client offers `noAuth` first,
 * and its identity is always available, so SigV4 is only tried when the endpoint rules name it,
 * which they do only for the global endpoint when no endpoint is given. src/sts/assume-role.ts
 * always gives the profile's `stsEndpoint`. Even then the call could not be signed: it has no
 * AWS credentials, so the SDK as shipped fails there too ("Credential is missing").
 */

function leftOut(name: string): never {
  throw new Error(`${name} is left out of this build: an unsigned AssumeRoleWithWebIdentity does not use it (see src/sts/sdk-parts-left-out.ts).`);
}

/** Replaces `@smithy/signature-v4`'s signer. */
export class SignatureV4 {
  constructor() {
    leftOut('SignatureV4');
  }
}

/** Replaces `@aws-sdk/signature-v4-multi-region`'s signer. */
export class SignatureV4MultiRegion {
  /** No SigV4a implementation is present, as the SDK reports when none is installed. */
  static sigv4aDependency(): 'none' {
    return 'none';
  }

  constructor() {
    leftOut('SignatureV4MultiRegion');
  }
}

/**
 * Replaces `@aws-sdk/core/httpAuthSchemes`' SigV4 auth scheme signer. Every STS client registers
 * one on creation, so constructing it must work; signing with it fails.
 */
export class AwsSdkSigV4Signer {
  async sign(): Promise<never> {
    return leftOut('AwsSdkSigV4Signer');
  }
}

/** Replaces `@aws-sdk/core/httpAuthSchemes`' SigV4a auth scheme signer, like the one above. */
export class AwsSdkSigV4ASigner extends AwsSdkSigV4Signer {}

/**
 * Replaces `@aws-sdk/core/httpAuthSchemes`' SigV4 configuration, which every STS client resolves
 * on creation. What it adds (the signer factory, clock-skew offsets, the credentials provider)
 * is read only by the SigV4 signers, except `credentials`: the client asks it for a SigV4
 * identity, so it is a provider that fails.
 */
export function resolveAwsSdkSigV4Config<T extends object>(config: T): T & { credentials: () => Promise<never> } {
  return Object.assign(config, { credentials: async () => leftOut('SigV4 credentials (resolveAwsSdkSigV4Config)') });
}

/**
 * Replaces `@aws-sdk/core/httpAuthSchemes`' SigV4a configuration: the region set it adds is read
 * only by the SigV4a signer, so the configuration passes through unchanged.
 */
export function resolveAwsSdkSigV4AConfig<T extends object>(config: T): T {
  return config;
}

/**
 * Replaces `@smithy/core/checksum`'s SHA-256. The STS client only stores it in its configuration
 * (`sha256`); the signers above and the flexible-checksums middleware (which STS does not have)
 * are what would hash with it, so nothing constructs it in this build.
 */
export class Sha256 {
  constructor() {
    leftOut('Sha256');
  }
}

/**
 * Replaces `@smithy/core/retry`'s adaptive strategy (with its client-side rate limiter). The SDK
 * builds it only when `retryMode` is "adaptive"; src/sts/assume-role.ts sets no retry mode, and in
 * a browser the default comes from the defaults mode, which is "standard" or none (then
 * "standard") in every case, so STS calls retry with the standard strategy.
 */
export class AdaptiveRetryStrategy {
  constructor() {
    leftOut('AdaptiveRetryStrategy');
  }
}

/**
 * Replaces the AWS partition table behind `@aws-sdk/core/client`'s `aws.partition` endpoint
 * function. STS's endpoint rules call it only to build an endpoint from the region when none is
 * given; src/sts/assume-role.ts always gives the profile's `stsEndpoint` (src/config/aws-partition.ts
 * derives the default one), and the rules return a given endpoint before reaching it. The rules
 * themselves are left out too, for the same reason (src/cognito/sdk-parts-left-out.ts).
 */
export const partitionsInfo = {
  get partitions(): never {
    return leftOut('The AWS partition table');
  },
};

/** Replaces `@smithy/core/event-streams`' serde. */
export class EventStreamSerde {
  constructor() {
    leftOut('EventStreamSerde');
  }
}

/** Replaces `@smithy/core/event-streams`' marshaller provider. */
export function eventStreamSerdeProvider(): never {
  return leftOut('eventStreamSerdeProvider');
}
