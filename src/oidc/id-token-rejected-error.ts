/**
 * An ID token the sign-in refused, with the claims it carried. The claims are unverified and
 * serve only the diagnostics ("the token's aud was X"): the token itself goes nowhere.
 */
import { ExtensionError } from '../errors';

/** An {@link ExtensionError} about a rejected ID token, carrying its unverified claims. */
export class IdTokenRejectedError extends ExtensionError {
  readonly unverifiedClaims: Record<string, unknown>;

  constructor(error: ExtensionError, unverifiedClaims: Record<string, unknown>) {
    super(error.code, error.message, error.hint === undefined ? { cause: error.cause } : { hint: error.hint, cause: error.cause });
    this.unverifiedClaims = unverifiedClaims;
  }
}
