/**
 * Serves `wic` on the socket: frames in, one reply per frame out, each request on its own so a
 * slow one never blocks the next (several may be in flight on one connection, told apart by
 * their ids). Bad input gets a `bad-request` reply; a bad length prefix also ends the connection,
 * since the stream cannot be read past it. Nothing a client sends can throw out of here.
 */
import type { Server, Socket } from 'node:net';
import type { HostReply, TerminalRequest, TerminalResponse } from '../terminal';
import { encodeFrame, FrameDecoder, frameIdOf, parseClientFrame, TerminalError, TerminalErrorCodes } from '../terminal';

/** What the server asks for each request: the {@link Relay}. */
export interface RequestHandler {
  request(request: TerminalRequest): Promise<TerminalResponse>;
}

function send(socket: Socket, reply: HostReply): void {
  if (socket.destroyed || !socket.writable) return;
  let frame: Uint8Array;
  try {
    frame = encodeFrame(reply);
  } catch (error) {
    frame = encodeFrame({ id: reply.id, response: { ok: false, error: { code: TerminalErrorCodes.extensionUnavailable, message: `The answer could not be sent: ${(error as Error).message}` } } } satisfies HostReply);
  }
  socket.write(frame);
}

function badRequest(id: string | null, message: string): HostReply {
  return { id, response: { ok: false, error: { code: TerminalErrorCodes.badRequest, message } } };
}

/** Handles one client connection. */
export function serveConnection(socket: Socket, handler: RequestHandler): void {
  const decoder = new FrameDecoder();
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      if (!frame.ok) {
        send(socket, badRequest(null, `${frame.error.message} Send a 4-byte little-endian length, then that many bytes of UTF-8 JSON.`));
        if (frame.error.fatal) socket.end();
        continue;
      }
      let id: string;
      let request: TerminalRequest;
      try {
        ({ id, request } = parseClientFrame(frame.message));
      } catch (error) {
        send(socket, badRequest(frameIdOf(frame.message), error instanceof TerminalError ? error.message : 'The request could not be read.'));
        continue;
      }
      void handler.request(request).then((response) => send(socket, { id, response }));
    }
  });
}

/** Serves every connection `server` accepts. */
export function serveClients(server: Server, handler: RequestHandler): void {
  server.on('connection', (socket) => serveConnection(socket, handler));
}
