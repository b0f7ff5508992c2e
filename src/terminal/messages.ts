/**
 * The terminal bridge's messages (issue 14). Three processes, two links, one framing
 * ({@link encodeFrame}: 4-byte little-endian length, then UTF-8 JSON, at most 1 MB):
 *
 * ```
 * wic ──socket──▶ wic-host ──native port (stdin/stdout)──▶ extension background
 *     ClientFrame           HostToExtension
 *     ◀──HostReply          ◀──ExtensionToHost
 * ```
 *
 * **What the extension must implement** (the host side is in `src/host`):
 * 1. `runtime.connectNative(NATIVE_HOST_NAME)` while terminal access is on, and again after the
 *    port disconnects (the browser starts one host process per port; it exits when the port
 *    closes). The first message it posts is a {@link HelloMessage}; until then the host opens no
 *    socket, so `wic` reports the browser as unreachable.
 * 2. For each {@link HostRequestMessage} it posts exactly one {@link ExtensionResponseMessage}
 *    with the same `id`, in any order: requests are independent and may be answered
 *    concurrently. Answers after the host's deadline ({@link ANSWER_TIMEOUT_MS}, with `wait`
 *    {@link WAIT_ANSWER_TIMEOUT_MS}) are dropped.
 * 3. Per action:
 *    - `credentials` / `env`: credentials of `profileId` valid for at least `minValidSeconds`
 *      more (renewing first if not), as a {@link CredentialsResult}; `env` differs only in what
 *      the consent prompt and audit say (the format asked for), `wic` renders the text.
 *      Errors: `unknown-profile`; `not-allowed` when terminal access to the profile is not
 *      granted; `not-signed-in`; `needs-interactive-sign-in`; `refresh-failed`. With
 *      `wait: true` the extension may instead ask the user (notification, popup) for sign-in
 *      or consent and answer once that is done, or answer the error if the user declines.
 *    - `status`: every profile, with no secrets, as an {@link ExtensionStatusResult}.
 *    - an answer the extension cannot give for any other reason: `refresh-failed` with why.
 * 4. Validate what the host sends with {@link parseHostToExtension}; answer a malformed request
 *    it can attribute to an id with `bad-request`.
 *
 * Every error message is one sentence for the person at the terminal: what is wrong, then what to
 * do (e.g. "Not signed in to Example IdP: sign in from the Web Identity Credentials popup, or
 * run again with --wait."). Messages never contain tokens, keys or other secrets.
 */
import type { CopyFormat } from '../format/copy-format-options';
import type { TerminalErrorBody } from './error-codes';

/** Both ends put this in {@link HelloMessage}; a host answers others `extension-unavailable`. */
export const TERMINAL_PROTOCOL_VERSION = 1;

/** The copy formats `wic env` can print: the shell and env-file ones. */
export const ENV_FORMATS = ['bash', 'fish', 'powershell', 'cmd', 'dotenv'] as const satisfies readonly CopyFormat[];

/** One of {@link ENV_FORMATS}. */
export type EnvFormat = (typeof ENV_FORMATS)[number];

/** Fields shared by the requests that return credentials. */
interface CredentialRequestFields {
  /** The extension's profile id (`[A-Za-z0-9][A-Za-z0-9_.-]{0,63}`). */
  profileId: string;
  /** Credentials must stay valid this many seconds more (0 to 43200); renew first if not. */
  minValidSeconds: number;
  /** Ask the user for sign-in or consent instead of failing at once. Defaults to false. */
  wait: boolean;
  /** What asks, for the consent prompt and audit, e.g. `wic exec -- terraform plan`. */
  command: string;
}

/** Credentials for `credential_process` or `wic exec`. All fields are required on the wire but `wait`. */
export interface CredentialsRequest extends CredentialRequestFields {
  action: 'credentials';
}

/**
 * Credentials for `wic env`. On the wire only `profileId` and `format` are required;
 * `minValidSeconds` defaults to 0, `wait` to false, `command` to `wic env`.
 */
export interface EnvRequest extends CredentialRequestFields {
  action: 'env';
  format: EnvFormat;
}

/** Which profiles exist, their state and expiry; never credentials. */
export interface StatusRequest {
  action: 'status';
}

/** Every request, as validated by {@link parseTerminalRequest} (defaults filled in). */
export type TerminalRequest = CredentialsRequest | EnvRequest | StatusRequest;

/** Every action name. */
export type TerminalAction = TerminalRequest['action'];

/**
 * Credentials in the shape a `credential_process` prints, plus the profile's region (for the env
 * formats). `Expiration` is ISO 8601 UTC, `2026-11-26T18:00:00Z`.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
 */
export interface WireCredentials {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
  Region: string;
}

/** The answer to `credentials` and `env`. */
export interface CredentialsResult {
  profileId: string;
  credentials: WireCredentials;
}

/** A profile's state as `wic status` shows it. */
export type ProfileState = 'valid' | 'expired' | 'not-signed-in' | 'needs-interactive-sign-in';

/** One profile in a status answer. */
export interface ProfileStatus {
  profileId: string;
  /** The name the popup shows, when it differs from the id. */
  label?: string;
  state: ProfileState;
  /** When the current credentials expire (ISO 8601 UTC), or null without credentials. */
  expiration: string | null;
  /** Whether the user has allowed terminal access to this profile. */
  allowed: boolean;
}

/** The extension's answer to `status`. */
export interface ExtensionStatusResult {
  profiles: ProfileStatus[];
}

/** What `wic` receives for `status`: the extension's answer plus what the host knows. */
export interface StatusResult extends ExtensionStatusResult {
  /** The browser profile's key from {@link HelloMessage}. */
  browserProfile: string;
  extensionVersion: string;
}

/** What each action answers on success, as the client receives it. */
export interface TerminalResults {
  credentials: CredentialsResult;
  env: CredentialsResult;
  status: StatusResult;
}

/** What each action's extension answer holds on success. */
export interface ExtensionResults {
  credentials: CredentialsResult;
  env: CredentialsResult;
  status: ExtensionStatusResult;
}

/** Success with a result, or an error; the same shape on both links. */
export type TerminalResponse<R = unknown> = { ok: true; result: R } | { ok: false; error: TerminalErrorBody };

/** wic → host, on the socket. `id` is the client's (1 to 64 characters), echoed in the reply. */
export interface ClientFrame {
  id: string;
  request: TerminalRequest;
}

/** host → wic, on the socket. `id` is null when the frame it answers had no readable id. */
export interface HostReply {
  id: string | null;
  response: TerminalResponse;
}

/**
 * extension → host, first on every port. `profileKey` names this browser profile's socket, so
 * two browsers or browser profiles each get their own: 1 to 32 letters, digits, `_` or `-`,
 * stable across restarts (the extension generates it once and keeps it in `storage.local`).
 */
export interface HelloMessage {
  type: 'hello';
  protocol: typeof TERMINAL_PROTOCOL_VERSION;
  profileKey: string;
  /** `runtime.getManifest().version`, shown by `wic status`. */
  extensionVersion: string;
}

/** extension → host: the answer to the {@link HostRequestMessage} with the same `id`. */
export interface ExtensionResponseMessage {
  type: 'response';
  id: string;
  response: TerminalResponse;
}

/** Everything the extension posts on the native port. */
export type ExtensionToHost = HelloMessage | ExtensionResponseMessage;

/** host → extension: one client request, under an id the host chose (unique per port). */
export interface HostRequestMessage {
  type: 'request';
  id: string;
  request: TerminalRequest;
}

/** Everything the host posts on the native port. */
export type HostToExtension = HostRequestMessage;
