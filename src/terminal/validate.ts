/**
 * Turns untrusted JSON from either link into the typed messages of `./messages`, or throws a
 * `bad-request` {@link TerminalError} naming the field. Unknown actions and message types are
 * rejected; unknown extra fields are ignored, so either end may add optional fields later.
 */
import { isTerminalErrorCode, TerminalError, TerminalErrorCodes } from './error-codes';
import type { Fields } from './field-checks';
import { integer, isoTime, object, oneOf, optionalBoolean, own, string } from './field-checks';
import { MAX_COMMAND_LENGTH, MAX_ID_LENGTH, MAX_MIN_VALID_SECONDS } from './limits';
import type {
  ClientFrame, CredentialsResult, ExtensionResults, ExtensionStatusResult, ExtensionToHost, HostReply,
  HostToExtension, ProfileStatus, StatusResult, TerminalAction, TerminalRequest, TerminalResponse, TerminalResults,
  WireCredentials,
} from './messages';
import { ENV_FORMATS, TERMINAL_PROTOCOL_VERSION } from './messages';

/** Profile ids as the extension's configuration allows them (src/config/field-checks.ts). */
export const PROFILE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Browser profile keys: they name a socket file or pipe. */
export const PROFILE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Every action, in the order `wic --help` lists them. */
export const TERMINAL_ACTIONS: readonly TerminalAction[] = ['credentials', 'env', 'status'];

const profileIdRule = { max: 64, pattern: PROFILE_ID_PATTERN, describe: 'a profile id: letters, digits, ".", "_" or "-", starting with a letter or digit' };

function id(value: unknown, field: string): string {
  return string(value, field, { max: MAX_ID_LENGTH });
}

/** A request from `wic`, with defaults filled in. */
export function parseTerminalRequest(value: unknown, field = 'request'): TerminalRequest {
  const fields = object(value, field);
  const action = oneOf(own(fields, 'action'), `${field}.action`, TERMINAL_ACTIONS);
  if (action === 'status') return { action };
  const profileId = string(own(fields, 'profileId'), `${field}.profileId`, profileIdRule);
  const wait = optionalBoolean(own(fields, 'wait'), `${field}.wait`, false);
  if (action === 'credentials') {
    return {
      action,
      profileId,
      minValidSeconds: integer(own(fields, 'minValidSeconds'), `${field}.minValidSeconds`, 0, MAX_MIN_VALID_SECONDS),
      wait,
      command: string(own(fields, 'command'), `${field}.command`, { max: MAX_COMMAND_LENGTH }),
    };
  }
  const minValidSeconds = own(fields, 'minValidSeconds');
  const command = own(fields, 'command');
  return {
    action,
    profileId,
    format: oneOf(own(fields, 'format'), `${field}.format`, ENV_FORMATS),
    minValidSeconds: minValidSeconds === undefined ? 0 : integer(minValidSeconds, `${field}.minValidSeconds`, 0, MAX_MIN_VALID_SECONDS),
    wait,
    command: command === undefined ? 'wic env' : string(command, `${field}.command`, { max: MAX_COMMAND_LENGTH }),
  };
}

/** What `wic` sends on the socket. */
export function parseClientFrame(value: unknown): ClientFrame {
  const fields = object(value, 'frame');
  return { id: id(own(fields, 'id'), 'frame.id'), request: parseTerminalRequest(own(fields, 'request'), 'frame.request') };
}

/** The id of a frame that failed {@link parseClientFrame}, when it has a usable one. */
export function frameIdOf(value: unknown): string | null {
  const candidate = typeof value === 'object' && value !== null ? own(value as Fields, 'id') : undefined;
  return typeof candidate === 'string' && candidate.length > 0 && candidate.length <= MAX_ID_LENGTH ? candidate : null;
}

function wireCredentials(value: unknown, field: string): WireCredentials {
  const fields = object(value, field);
  if (own(fields, 'Version') !== 1) throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}.Version" must be 1`, { field: `${field}.Version` });
  const secret = (key: string): string => string(own(fields, key), `${field}.${key}`, { max: 8192 });
  return {
    Version: 1,
    AccessKeyId: secret('AccessKeyId'),
    SecretAccessKey: secret('SecretAccessKey'),
    SessionToken: secret('SessionToken'),
    Expiration: isoTime(own(fields, 'Expiration'), `${field}.Expiration`),
    Region: string(own(fields, 'Region'), `${field}.Region`, { max: 64 }),
  };
}

function credentialsResult(value: unknown, field: string): CredentialsResult {
  const fields = object(value, field);
  return { profileId: string(own(fields, 'profileId'), `${field}.profileId`, profileIdRule), credentials: wireCredentials(own(fields, 'credentials'), `${field}.credentials`) };
}

function profileStatus(value: unknown, field: string): ProfileStatus {
  const fields = object(value, field);
  const label = own(fields, 'label');
  const expiration = own(fields, 'expiration');
  const allowed = own(fields, 'allowed');
  if (typeof allowed !== 'boolean') throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}.allowed" must be true or false`, { field: `${field}.allowed` });
  return {
    profileId: string(own(fields, 'profileId'), `${field}.profileId`, profileIdRule),
    ...(label === undefined ? {} : { label: string(label, `${field}.label`, { max: 200 }) }),
    state: oneOf(own(fields, 'state'), `${field}.state`, ['valid', 'expired', 'not-signed-in', 'needs-interactive-sign-in']),
    expiration: expiration === null ? null : isoTime(expiration, `${field}.expiration`),
    allowed,
  };
}

function extensionStatus(value: unknown, field: string): ExtensionStatusResult {
  const profiles = own(object(value, field), 'profiles');
  if (!Array.isArray(profiles)) throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}.profiles" must be an array`, { field: `${field}.profiles` });
  return { profiles: profiles.map((profile, index) => profileStatus(profile, `${field}.profiles[${index}]`)) };
}

const extensionResultParsers: { [A in TerminalAction]: (value: unknown, field: string) => ExtensionResults[A] } = {
  credentials: credentialsResult,
  env: credentialsResult,
  status: extensionStatus,
};

const clientResultParsers: { [A in TerminalAction]: (value: unknown, field: string) => TerminalResults[A] } = {
  credentials: credentialsResult,
  env: credentialsResult,
  status: (value, field): StatusResult => {
    const fields = object(value, field);
    return {
      ...extensionStatus(value, field),
      browserProfile: string(own(fields, 'browserProfile'), `${field}.browserProfile`, { max: 32, pattern: PROFILE_KEY_PATTERN, describe: 'a browser profile key' }),
      extensionVersion: string(own(fields, 'extensionVersion'), `${field}.extensionVersion`, { min: 0, max: 64 }),
    };
  },
};

/** A response whose result is checked by `result`. */
export function parseResponse<R>(value: unknown, field: string, result: (value: unknown, field: string) => R): TerminalResponse<R> {
  const fields = object(value, field);
  const ok = own(fields, 'ok');
  if (ok === true) return { ok, result: result(own(fields, 'result'), `${field}.result`) };
  if (ok !== false) throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}.ok" must be true or false`, { field: `${field}.ok` });
  const error = object(own(fields, 'error'), `${field}.error`);
  const code = own(error, 'code');
  if (!isTerminalErrorCode(code)) throw new TerminalError(TerminalErrorCodes.badRequest, `"${field}.error.code" must be a terminal error code`, { field: `${field}.error.code` });
  return { ok, error: { code, message: string(own(error, 'message'), `${field}.error.message`, { max: 2000 }) } };
}

/** The extension's answer to a request of `action`, as the host checks it before relaying. */
export function parseExtensionResponse<A extends TerminalAction>(action: A, value: unknown, field = 'response'): TerminalResponse<ExtensionResults[A]> {
  return parseResponse(value, field, extensionResultParsers[action]);
}

/** The host's reply to a request of `action`, as `wic` checks it. */
export function parseHostReply<A extends TerminalAction>(action: A, value: unknown): HostReply & { response: TerminalResponse<TerminalResults[A]> } {
  const fields = object(value, 'reply');
  const replyId = own(fields, 'id');
  return { id: replyId === null ? null : id(replyId, 'reply.id'), response: parseResponse(own(fields, 'response'), 'reply.response', clientResultParsers[action]) };
}

/**
 * What the extension posts on the native port. A response's `result` is left unchecked here,
 * since only the host knows which action it answers: check it with {@link parseExtensionResponse}.
 */
export function parseExtensionToHost(value: unknown): ExtensionToHost {
  const fields = object(value, 'message');
  const type = oneOf(own(fields, 'type'), 'message.type', ['hello', 'response']);
  if (type === 'hello') {
    if (own(fields, 'protocol') !== TERMINAL_PROTOCOL_VERSION) throw new TerminalError(TerminalErrorCodes.badRequest, `"message.protocol" must be ${TERMINAL_PROTOCOL_VERSION}`, { field: 'message.protocol' });
    return {
      type,
      protocol: TERMINAL_PROTOCOL_VERSION,
      profileKey: string(own(fields, 'profileKey'), 'message.profileKey', { max: 32, pattern: PROFILE_KEY_PATTERN, describe: '1 to 32 letters, digits, "_" or "-"' }),
      extensionVersion: string(own(fields, 'extensionVersion'), 'message.extensionVersion', { min: 0, max: 64 }),
    };
  }
  const response = object(own(fields, 'response'), 'message.response');
  return { type, id: id(own(fields, 'id'), 'message.id'), response: response as TerminalResponse };
}

/** What the host posts on the native port, as the extension should check it. */
export function parseHostToExtension(value: unknown): HostToExtension {
  const fields = object(value, 'message');
  const type = oneOf(own(fields, 'type'), 'message.type', ['request']);
  return { type, id: id(own(fields, 'id'), 'message.id'), request: parseTerminalRequest(own(fields, 'request'), 'message.request') };
}
