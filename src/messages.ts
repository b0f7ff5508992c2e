/**
 * The one typed message map between the extension's pages and the background. A message is an
 * action; state travels through storage, which the pages watch.
 */
import { ErrorCodes, ExtensionError, toUserFacingError } from './errors';
import type { UserFacingError } from './errors';
import type { TestSignInReport, TestSignInRequest } from './sign-in/test-sign-in';

/** Every action the background performs for a page: its request and its response. */
export interface MessageMap {
  /** Answers at once: wakes the background and tells the page it listens (the benchmark times it). */
  ping: { request: Record<string, never>; response: 'pong' };
  /** Interactive sign-in with a provider, then credentials for each of its profiles. */
  signIn: { request: { providerId: string }; response: { profiles: number; failed: number } };
  /** Forgets tokens and credentials of one provider, or of all when no id is given. */
  signOut: { request: { providerId?: string }; response: null };
  /** Renews the ID token and gets new credentials for these profiles, or all signed-in ones, without a prompt. */
  refreshNow: { request: { profileIds?: string[] }; response: { refreshed: number; failed: number } };
  /** Wakes the background, which settles what a stopped worker left busy and publishes the configuration; answers once both are done. The popup sends it on opening. */
  resume: { request: Record<string, never>; response: null };
  /** Signs in to the AWS console with a profile's credentials and opens it in a new tab. */
  openConsole: { request: { profileId: string }; response: null };
  /** Clears the clipboard after the given seconds, once the popup has copied something. */
  clearClipboardLater: { request: { afterSeconds: number }; response: null };
  /** Runs a provider's sign-in and STS from the options page and reports each step; stores nothing. */
  testSignIn: { request: TestSignInRequest; response: TestSignInReport };
}

/** Names of the actions. */
export type Action = keyof MessageMap;

/** The envelope a page sends. */
export type Message = { [A in Action]: { action: A; payload: MessageMap[A]['request'] } }[Action];

/** The envelope the background answers with; errors cross as plain data. */
export type Reply<A extends Action> = { ok: true; value: MessageMap[A]['response'] } | { ok: false; error: UserFacingError };

/** Handlers for every action, as the background registers them. */
export type Handlers = { [A in Action]: (payload: MessageMap[A]['request']) => Promise<MessageMap[A]['response']> };

/** Sends an action and returns its result, or throws the background's error as an {@link ExtensionError}. */
export async function sendMessage<A extends Action>(
  send: (message: Message) => Promise<unknown>,
  action: A,
  payload: MessageMap[A]['request'],
): Promise<MessageMap[A]['response']> {
  const reply = (await send({ action, payload } as Message)) as Reply<A> | undefined;
  if (!reply) throw new ExtensionError(ErrorCodes.internal, 'The background did not answer.', { hint: 'Reload the extension.' });
  if (!reply.ok) throw new ExtensionError(reply.error.code, reply.error.message, reply.error.hint === undefined ? undefined : { hint: reply.error.hint });
  return reply.value;
}

/** Runs the handler for a message and wraps the outcome in a {@link Reply}. */
export async function dispatchMessage(handlers: Handlers, message: unknown): Promise<Reply<Action>> {
  const { action, payload } = (message ?? {}) as { action?: unknown; payload?: unknown };
  if (typeof action !== 'string' || !Object.hasOwn(handlers, action)) {
    return { ok: false, error: { code: ErrorCodes.unknownMessage, message: `Unknown action ${JSON.stringify(action)}.` } };
  }
  try {
    const handler = handlers[action as Action] as (payload: unknown) => Promise<MessageMap[Action]['response']>;
    return { ok: true, value: await handler(payload ?? {}) };
  } catch (error) {
    return { ok: false, error: toUserFacingError(error) };
  }
}
