/**
 * The errors a terminal request can end in. Each crosses every link as plain data
 * ({@link TerminalErrorBody}); `wic` prints the message as its one line on stderr, so a message
 * says what happened and what to do, and never holds a secret.
 */

/** Stable codes; callers match on these, never on message text. */
export const TerminalErrorCodes = {
  /** No sign-in with the profile's provider; the user must sign in in the popup. */
  notSignedIn: 'not-signed-in',
  /** Renewal needs the IdP's login page (session ended, refresh token revoked, max session age). */
  needsInteractiveSignIn: 'needs-interactive-sign-in',
  /** The user has not allowed (or has refused) terminal access to this profile. */
  notAllowed: 'not-allowed',
  /** No profile with that id in the extension's configuration. */
  unknownProfile: 'unknown-profile',
  /** Renewal was tried and failed (IdP or STS error, network); the message says which. */
  refreshFailed: 'refresh-failed',
  /** The browser, the extension or the host cannot be reached or did not answer in time. */
  extensionUnavailable: 'extension-unavailable',
  /** The request was malformed: bad framing, bad JSON, unknown action, wrong field type. */
  badRequest: 'bad-request',
} as const;

export type TerminalErrorCode = (typeof TerminalErrorCodes)[keyof typeof TerminalErrorCodes];

const codes: ReadonlySet<string> = new Set(Object.values(TerminalErrorCodes));

/** True for a string that is one of {@link TerminalErrorCodes}. */
export function isTerminalErrorCode(value: unknown): value is TerminalErrorCode {
  return typeof value === 'string' && codes.has(value);
}

/** How an error travels in a {@link TerminalResponse}. */
export interface TerminalErrorBody {
  code: TerminalErrorCode;
  /** One sentence for a person: what happened, then what to do. No secrets. */
  message: string;
}

/** Thrown by validation and by the client; {@link TerminalError.body} is what goes on the wire. */
export class TerminalError extends Error {
  readonly code: TerminalErrorCode;
  /** The message field at fault (e.g. `request.profileId`), when validation failed. */
  readonly field: string | undefined;

  constructor(code: TerminalErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TerminalError';
    this.code = code;
    this.field = options?.field;
  }

  get body(): TerminalErrorBody {
    return { code: this.code, message: this.message };
  }
}
