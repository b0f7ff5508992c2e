/**
 * Stands in, at build time, for the parts of the AWS SDK that an unsigned
 * AssumeRoleWithWebIdentity never runs: the SigV4 signers (the call carries no AWS credentials;
 * its auth scheme is `smithy.api#noAuth`) and event streams (STS has none). The STS client
 * imports them eagerly, which put about 27 KB of dead code in the service worker. webpack.config.js
 * points those imports here; should a future SDK start to use them, the call fails loudly with
 * the reason, and the end-to-end sign-in against moto shows it.
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
