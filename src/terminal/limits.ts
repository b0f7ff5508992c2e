/**
 * Sizes and deadlines both ends of the terminal bridge agree on. Chrome and Firefox cap a message
 * from a native host at 1 MB; the same cap applies in every direction and on the socket, so one
 * rule covers all three links and a runaway writer is cut off before it costs memory.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
 */

/** Largest JSON body of one frame, in bytes (the 4-byte length prefix not counted). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** How long the host waits for the extension's answer to a request without `wait`. */
export const ANSWER_TIMEOUT_MS = 20_000;

/**
 * How long the host waits for an answer to a request with `wait: true`, during which the
 * extension may ask the user to sign in or to allow the terminal.
 */
export const WAIT_ANSWER_TIMEOUT_MS = 300_000;

/** Most seconds a request may ask credentials to stay valid; STS never issues more than 12 h. */
export const MAX_MIN_VALID_SECONDS = 12 * 60 * 60;

/** Longest `command` description a request may carry, in UTF-16 code units. */
export const MAX_COMMAND_LENGTH = 1024;

/** Longest request id, on the socket and the native port. */
export const MAX_ID_LENGTH = 64;
