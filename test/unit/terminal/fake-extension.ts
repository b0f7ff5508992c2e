/**
 * A stand-in for the extension's side of the native port, speaking the contract of
 * src/terminal/messages.ts over a pair of streams (the host's stdin and stdout in a real
 * browser). Tests give it a handler per request and can delay answers or send raw bytes.
 */
import type { Readable, Writable } from 'node:stream';
import type { CredentialsResult, HostRequestMessage, TerminalRequest, TerminalResponse } from '../../../src/terminal';
import { encodeFrame, FrameDecoder, parseHostToExtension } from '../../../src/terminal';

/** Credentials that look like STS's, valid for an hour from `now`. */
export function credentialsResult(profileId: string, now = Date.UTC(2030, 0, 1)): CredentialsResult {
  return {
    profileId,
    credentials: {
      Version: 1,
      AccessKeyId: `ASIA${profileId.toUpperCase().padEnd(16, 'X').slice(0, 16)}`,
      SecretAccessKey: `secret/${profileId}+key`,
      SessionToken: `token-${profileId}`,
      Expiration: new Date(now + 3600_000).toISOString().replace(/\.000Z$/, 'Z'),
      Region: 'eu-west-1',
    },
  };
}

/** Answers like an extension with every profile signed in and allowed, unless told otherwise. */
export type FakeHandler = (request: TerminalRequest) => TerminalResponse | Promise<TerminalResponse>;

export const signedInEverywhere: FakeHandler = (request) => {
  if (request.action === 'status') return { ok: true, result: { profiles: [{ profileId: 'dev', state: 'valid', expiration: '2030-01-01T01:00:00Z', allowed: true }] } };
  return { ok: true, result: credentialsResult(request.profileId) };
};

export class FakeExtension {
  /** Every request the host sent, in order. */
  readonly requests: HostRequestMessage[] = [];
  readonly #toHost: Writable;
  readonly #decoder = new FrameDecoder();
  handler: FakeHandler;

  constructor(toHost: Writable, fromHost: Readable, handler: FakeHandler = signedInEverywhere) {
    this.#toHost = toHost;
    this.handler = handler;
    fromHost.on('data', (chunk: Buffer) => {
      for (const frame of this.#decoder.push(chunk)) {
        if (!frame.ok) throw frame.error;
        const message = parseHostToExtension(frame.message);
        this.requests.push(message);
        void Promise.resolve(this.handler(message.request)).then((response) => this.post({ type: 'response', id: message.id, response }));
      }
    });
  }

  hello(profileKey = 'work', protocol = 1): void {
    this.post({ type: 'hello', protocol, profileKey, extensionVersion: '0.1.0' });
  }

  post(message: unknown): void {
    this.#toHost.write(encodeFrame(message));
  }

  sendRaw(bytes: Uint8Array): void {
    this.#toHost.write(bytes);
  }

  /** The browser closing the port: the host's stdin ends. */
  disconnect(): void {
    this.#toHost.end();
  }
}
