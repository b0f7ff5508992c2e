/**
 * The native port's end in the extension, against a fake port: hello first, one answer per
 * request under its id, bad input answered or dropped without throwing, reconnects with backoff.
 */
import type { TerminalConnection } from '../../../src/storage/records';
import type { NativeConnector } from '../../../src/terminal-access/terminal-link';
import { createTerminalLink } from '../../../src/terminal-access/terminal-link';
import type { TerminalRequest, TerminalResponse } from '../../../src/terminal/messages';

const hello = { type: 'hello', protocol: 1, profileKey: 'abc', extensionVersion: '0.1.0' } as const;

function fakeBrowser() {
  const ports: { posted: unknown[]; closed: boolean; send(message: unknown): void; drop(reason?: string): void }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const states: TerminalConnection[] = [];
  let now = 0;
  const connect: NativeConnector = ({ onMessage, onDisconnect }) => {
    const port = { posted: [] as unknown[], closed: false, send: onMessage, drop: (reason?: string) => onDisconnect(reason) };
    ports.push(port);
    return { post: (message) => void port.posted.push(message), close: () => void (port.closed = true) };
  };
  const handled: TerminalRequest[] = [];
  const link = createTerminalLink({
    connect,
    hello: async () => hello,
    handle: async (request): Promise<TerminalResponse> => {
      handled.push(request);
      return { ok: true, result: { profiles: [] } };
    },
    report: async (state) => void states.push(state),
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: () => undefined,
    now: () => now,
  });
  return { link, ports, timers, states, handled, advance: (ms: number) => (now += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('terminal link', () => {
  it('says hello first, then answers each request under its id', async () => {
    const b = fakeBrowser();
    b.link.open();
    await settle();
    const port = b.ports[0];
    expect(port?.posted).toEqual([hello]);
    port?.send({ type: 'request', id: 'h7', request: { action: 'status' } });
    await settle();
    expect(port?.posted[1]).toEqual({ type: 'response', id: 'h7', response: { ok: true, result: { profiles: [] } } });
    expect(b.states.at(-1)?.state).toBe('connected');
  });

  it('answers malformed requests that carry an id with bad-request naming the field, drops the others, and keeps working', async () => {
    const b = fakeBrowser();
    b.link.open();
    await settle();
    const port = b.ports[0];
    const bad: unknown[] = [
      null, 'text', 42, [], {}, { type: 'hello' }, { type: 'request' }, { type: 'request', id: 5 },
      { type: 'request', id: 'h1', request: { action: 'delete-everything' } },
      { type: 'request', id: 'h2', request: { action: 'credentials', profileId: '../etc', minValidSeconds: 0, command: 'x' } },
      { type: 'request', id: 'h3', request: { action: 'credentials', profileId: 'dev', minValidSeconds: -1, command: 'x' } },
      { type: 'request', id: 'x'.repeat(65), request: { action: 'status' } },
    ];
    for (const message of bad) port?.send(message);
    await settle();
    const answers = (port?.posted.slice(1) ?? []) as { id: string; response: { ok: boolean; error: { code: string; message: string } } }[];
    expect(answers.map((answer) => answer.id)).toEqual(['h1', 'h2', 'h3']);
    expect(answers.every((answer) => answer.response.error.code === 'bad-request')).toBe(true);
    expect(answers[0]?.response.error.message).toMatch(/request\.action/);
    expect(answers[1]?.response.error.message).toMatch(/request\.profileId/);
    expect(b.handled).toEqual([]);

    port?.send({ type: 'request', id: 'h9', request: { action: 'status' } });
    await settle();
    expect(port?.posted.at(-1)).toMatchObject({ id: 'h9', response: { ok: true } });
  });

  it('reconnects with growing waits after the port drops, and at once after a port that had lived', async () => {
    const b = fakeBrowser();
    b.link.open();
    b.ports[0]?.drop('Specified native messaging host not found.');
    expect(b.states.at(-1)).toMatchObject({ state: 'connecting', message: 'Specified native messaging host not found.' });
    expect(b.timers.map((timer) => timer.ms)).toEqual([1000]);
    b.timers[0]?.run();
    b.ports[1]?.drop();
    expect(b.timers.map((timer) => timer.ms)).toEqual([1000, 2000]);
    b.timers[1]?.run();
    b.advance(60_000);
    b.ports[2]?.drop();
    expect(b.timers.at(-1)?.ms).toBe(1000);
  });

  it('closes the port and stops reconnecting when turned off', async () => {
    const b = fakeBrowser();
    b.link.open();
    b.link.close();
    expect(b.ports[0]?.closed).toBe(true);
    expect(b.link.connected).toBe(false);
    b.ports[0]?.drop();
    expect(b.timers).toEqual([]);
  });

  it('does not open a second port when asked again', () => {
    const b = fakeBrowser();
    b.link.open();
    b.link.open();
    expect(b.ports).toHaveLength(1);
  });
});
