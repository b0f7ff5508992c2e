import { ErrorCodes, ExtensionError } from '../../src/errors';
import { dispatchMessage, sendMessage } from '../../src/messages';
import type { Handlers, Message } from '../../src/messages';
import { rejection } from './support/rejection';

const handlers: Handlers = {
  ping: async () => 'pong',
  signIn: async ({ providerId }) => {
    if (providerId === 'bad') throw new ExtensionError(ErrorCodes.loginCancelled, 'Sign-in was cancelled.', { hint: 'Click Sign in.' });
    if (providerId === 'boom') throw new Error('internal detail with a token eyJabc');
    return { profiles: 2, failed: 0 };
  },
  signOut: async () => null,
  refreshNow: async ({ profileIds }) => ({ refreshed: profileIds?.length ?? 0, failed: 0 }),
  resume: async () => null,
  openConsole: async () => null,
  clearClipboardLater: async () => null,
  testSignIn: async ({ providerId }) => ({ providerId, ok: true, steps: [] }),
};

/** A round trip through the same envelope the runtime carries. */
const send = (message: Message) => dispatchMessage(handlers, structuredClone(message));

describe('messages', () => {
  it('carries a request to its handler and the result back', async () => {
    await expect(sendMessage(send, 'signIn', { providerId: 'corp' })).resolves.toEqual({ profiles: 2, failed: 0 });
    await expect(sendMessage(send, 'signOut', {})).resolves.toBeNull();
    await expect(sendMessage(send, 'ping', {})).resolves.toBe('pong');
  });

  it('rethrows the handler error on the caller side with code and hint', async () => {
    const error = await rejection(sendMessage(send, 'signIn', { providerId: 'bad' }));
    expect([error.code, error.message, error.hint]).toEqual([ErrorCodes.loginCancelled, 'Sign-in was cancelled.', 'Click Sign in.']);
  });

  it('never lets internal error details cross the boundary', async () => {
    const reply = await dispatchMessage(handlers, { action: 'signIn', payload: { providerId: 'boom' } });
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: ErrorCodes.internal }) });
    expect(JSON.stringify(reply)).not.toContain('eyJ');
  });

  it.each([undefined, null, 'signIn', { action: 'toString' }, { action: 'deleteEverything', payload: {} }])('refuses the unknown message %j', async (message) => {
    const reply = await dispatchMessage(handlers, message);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: ErrorCodes.unknownMessage }) });
  });

  it('reports a missing answer from the background', async () => {
    const error = await rejection(sendMessage(async () => undefined, 'signOut', {}));
    expect(error.code).toBe(ErrorCodes.internal);
  });
});
