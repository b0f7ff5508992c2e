/**
 * The host over a real Unix socket in a temp dir, the extension replaced by a fake speaking the
 * native protocol on in-memory streams (the host's stdin and stdout in a browser).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { chooseHost, sendRequest } from '../../../src/cli/host-client';
import type { LocationEnvironment } from '../../../src/host/socket-location';
import type { RunningHost } from '../../../src/host/start-host';
import { startHost } from '../../../src/host/start-host';
import type { TerminalRequest } from '../../../src/terminal';
import { encodeFrame, FrameDecoder, MAX_MESSAGE_BYTES, TerminalErrorCodes } from '../../../src/terminal';
import { credentialsResult, FakeExtension } from '../terminal/fake-extension';

let dir: string;
let location: LocationEnvironment;
let logs: string[];
let running: RunningHost[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'wic-host-'));
  location = { platform: 'linux', env: { WIC_RUNTIME_DIR: path.join(dir, 'run') }, home: dir, user: 'ada' };
  logs = [];
  running = [];
});

afterEach(async () => {
  for (const host of running) host.close();
  await Promise.all(running.map((host) => host.closed));
  rmSync(dir, { recursive: true, force: true });
});

function start(timeouts: { answerTimeoutMs?: number; waitTimeoutMs?: number } = {}): { host: RunningHost; extension: FakeExtension } {
  const input = new PassThrough();
  const output = new PassThrough();
  const host = startHost({ input, output, location, log: (line) => logs.push(line), ...timeouts });
  running.push(host);
  return { host, extension: new FakeExtension(input, output) };
}

async function connected(timeouts?: { answerTimeoutMs?: number; waitTimeoutMs?: number }) {
  const started = start(timeouts);
  started.extension.hello('work');
  return { ...started, socket: await started.host.listening };
}

const credentials = (profileId: string, wait = false): TerminalRequest & { action: 'credentials' } => ({ action: 'credentials', profileId, minValidSeconds: 900, wait, command: 'test' });

/** Sends raw bytes on a fresh connection and collects decoded replies until it closes or `count` arrive. */
function exchange(socketPath: string, bytes: Uint8Array[], count: number): Promise<{ replies: unknown[]; ended: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const decoder = new FrameDecoder();
    const replies: unknown[] = [];
    socket.on('connect', () => {
      for (const chunk of bytes) socket.write(chunk);
    });
    socket.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) replies.push(frame.ok ? frame.message : frame.error);
      if (replies.length >= count) {
        socket.destroy();
        resolve({ replies, ended: false });
      }
    });
    socket.on('end', () => resolve({ replies, ended: true }));
    socket.on('error', () => resolve({ replies, ended: true }));
  });
}

it('opens no socket before the hello, then one only the user can reach', async () => {
  const { host, extension } = start();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(existsSync(path.join(dir, 'run'))).toBe(false);
  extension.hello('work');
  const socket = await host.listening;
  expect(socket).toBe(path.join(dir, 'run', 'work.sock'));
  expect(statSync(socket).mode & 0o777).toBe(0o600);
  expect(statSync(path.join(dir, 'run')).mode & 0o777).toBe(0o700);
});

it('relays a request to the extension and its answer back', async () => {
  const { socket, extension } = await connected();
  await expect(sendRequest(socket, credentials('dev'))).resolves.toEqual(credentialsResult('dev'));
  expect(extension.requests).toEqual([{ type: 'request', id: expect.any(String), request: credentials('dev') }]);
});

it('adds the browser profile and extension version to status', async () => {
  const { socket } = await connected();
  await expect(sendRequest(socket, { action: 'status' })).resolves.toMatchObject({ browserProfile: 'work', extensionVersion: '0.1.0', profiles: [expect.objectContaining({ profileId: 'dev' })] });
});

it('passes the extension\'s errors on as they are', async () => {
  const { socket, extension } = await connected();
  extension.handler = () => ({ ok: false, error: { code: 'not-allowed', message: 'Allow the terminal in the popup.' } });
  await expect(sendRequest(socket, credentials('dev'))).rejects.toMatchObject({ code: TerminalErrorCodes.notAllowed, message: 'Allow the terminal in the popup.' });
});

it('answers a fast request while a slow one waits', async () => {
  const { socket, extension } = await connected();
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  extension.handler = async (request) => {
    if (request.action === 'credentials' && request.profileId === 'slow') await released;
    return { ok: true, result: credentialsResult(request.action === 'status' ? 'x' : request.profileId) };
  };
  const slow = sendRequest(socket, credentials('slow', true));
  const fast = await Promise.all([sendRequest(socket, credentials('a')), sendRequest(socket, credentials('b'))]);
  expect(fast.map((result) => result.profileId)).toEqual(['a', 'b']);
  release();
  await expect(slow).resolves.toMatchObject({ profileId: 'slow' });
});

it('keeps several requests apart on one connection by their ids', async () => {
  const { socket } = await connected();
  const { replies } = await exchange(socket, [encodeFrame({ id: 'x', request: credentials('one') }), encodeFrame({ id: 'y', request: credentials('two') })], 2);
  expect(replies).toEqual(expect.arrayContaining([
    { id: 'x', response: { ok: true, result: credentialsResult('one') } },
    { id: 'y', response: { ok: true, result: credentialsResult('two') } },
  ]));
});

describe('bad input from a client', () => {
  it('answers bad JSON and an unknown action, and goes on serving the connection', async () => {
    const { socket, extension } = await connected();
    const bad = new TextEncoder().encode('{nope');
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, bad.length, true);
    const { replies } = await exchange(socket, [header, bad, encodeFrame({ id: 'q', request: { action: 'drop-tables' } }), encodeFrame({ id: 'ok', request: credentials('dev') })], 3);
    expect(replies).toEqual([
      { id: null, response: { ok: false, error: { code: 'bad-request', message: expect.stringContaining('not valid JSON') } } },
      { id: 'q', response: { ok: false, error: { code: 'bad-request', message: '"frame.request.action" must be one of "credentials", "env", "status"' } } },
      { id: 'ok', response: { ok: true, result: credentialsResult('dev') } },
    ]);
    expect(extension.requests).toHaveLength(1);
  });

  it('answers a length over 1 MB, then closes that connection only', async () => {
    const { socket } = await connected();
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, MAX_MESSAGE_BYTES + 1, true);
    const { replies, ended } = await exchange(socket, [header], 2);
    expect(replies).toEqual([{ id: null, response: { ok: false, error: { code: 'bad-request', message: expect.stringContaining('exceeds') } } }]);
    expect(ended).toBe(true);
    await expect(sendRequest(socket, credentials('dev'))).resolves.toMatchObject({ profileId: 'dev' });
  });
});

describe('bad input from the extension', () => {
  it('drops malformed frames and messages and keeps relaying', async () => {
    const { socket, extension } = await connected();
    extension.sendRaw(Uint8Array.of(2, 0, 0, 0, 0x7b, 0x7b));
    extension.post({ type: 'response', id: 42 });
    extension.post({ type: 'surprise' });
    await expect(sendRequest(socket, credentials('dev'))).resolves.toMatchObject({ profileId: 'dev' });
    expect(logs).toHaveLength(3);
  });

  it('turns an answer of the wrong shape into extension-unavailable, naming the field', async () => {
    const { socket, extension } = await connected();
    extension.handler = () => ({ ok: true, result: { profileId: 'dev', credentials: { Version: 1 } } });
    await expect(sendRequest(socket, credentials('dev'))).rejects.toMatchObject({ code: TerminalErrorCodes.extensionUnavailable, message: expect.stringContaining('response.result.credentials.AccessKeyId') });
  });

  it('ends the host on a length over 1 MB, since the port cannot be read on', async () => {
    const { host, socket, extension } = await connected();
    extension.sendRaw(Uint8Array.of(0xff, 0xff, 0xff, 0x7f));
    await host.closed;
    expect(existsSync(socket)).toBe(false);
  });
});

describe('without the extension', () => {
  it('fails waiting requests at once when the port closes, and removes the socket', async () => {
    const { host, socket, extension } = await connected();
    extension.handler = () => new Promise(() => undefined);
    const waiting = sendRequest(socket, credentials('dev', true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    extension.disconnect();
    await expect(waiting).rejects.toMatchObject({ code: TerminalErrorCodes.extensionUnavailable });
    await host.closed;
    expect(existsSync(socket)).toBe(false);
  });

  it('tells a client fast that no browser is there', async () => {
    const started = Date.now();
    await expect(chooseHost(location, undefined)).rejects.toMatchObject({ code: TerminalErrorCodes.extensionUnavailable, message: expect.stringContaining('wic install') });
    await expect(sendRequest(path.join(dir, 'run', 'gone.sock'), { action: 'status' })).rejects.toMatchObject({ code: TerminalErrorCodes.extensionUnavailable });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers extension-unavailable when the extension does not answer in time', async () => {
    const { socket, extension } = await connected({ answerTimeoutMs: 50 });
    extension.handler = () => new Promise(() => undefined);
    await expect(sendRequest(socket, credentials('dev'))).rejects.toMatchObject({ code: TerminalErrorCodes.extensionUnavailable, message: expect.stringContaining('did not answer') });
  });

  it('takes over a socket a killed host left behind', async () => {
    const stale = path.join(dir, 'run', 'work.sock');
    const child = spawnSync(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(path.dirname(stale))}, { mode: 0o700 }); require('net').createServer().listen(${JSON.stringify(stale)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(stale)).toBe(true);
    const { socket } = await connected();
    await expect(sendRequest(socket, credentials('dev'))).resolves.toMatchObject({ profileId: 'dev' });
  });
});

it('finds the only host, and asks which when several browser profiles are connected', async () => {
  const first = await connected();
  await expect(chooseHost(location, undefined)).resolves.toEqual({ profileKey: 'work', path: first.socket });
  const second = start();
  second.extension.hello('home');
  await second.host.listening;
  await expect(chooseHost(location, undefined)).rejects.toMatchObject({ message: expect.stringContaining('(home, work)') });
  await expect(chooseHost(location, 'home')).resolves.toMatchObject({ profileKey: 'home' });
});

it('writes no secret to its log', async () => {
  const { socket, extension } = await connected();
  await sendRequest(socket, credentials('dev'));
  extension.post({ type: 'response', id: 'h99', response: { ok: true, result: credentialsResult('dev') } });
  extension.handler = () => ({ ok: true, result: { ...credentialsResult('dev'), credentials: { ...credentialsResult('dev').credentials, Region: 7 } } });
  await expect(sendRequest(socket, credentials('dev'))).rejects.toBeDefined();
  expect(logs.join('\n')).not.toMatch(/secret\/|token-dev|ASIA/);
});
