/**
 * A hostile server on loopback that logs every request it gets (method, path, headers, body) and
 * answers CORS preflights, so a test can prove that no token, code, refresh token or credential
 * ever reached it. Routes a test adds answer as a hostile IdP would (discovery, keys, an
 * authorization endpoint); everything else gets an empty 200.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server got it. */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers a request a test routes; `url` is the full URL it came to. */
export type CaptureRoute = (request: CapturedRequest, url: URL, response: ServerResponse) => void;

export interface CaptureServer {
  url: string;
  origin: string;
  /** Every request so far, preflights included. */
  requests: CapturedRequest[];
  /** Answers requests whose path (without query) is `path`. */
  route(path: string, answer: CaptureRoute): void;
  /** Everything the server ever got, as one string to search for secrets. */
  everything(): string;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const routes = new Map<string, CaptureRoute>();
  const sockets = new Set<Socket>();
  let origin = '';
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      response.setHeader('access-control-allow-origin', '*');
      response.setHeader('access-control-allow-headers', '*');
      response.setHeader('access-control-allow-methods', '*');
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      const url = new URL(request.path, origin);
      const route = routes.get(url.pathname);
      if (route) return route(request, url, response);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    requests,
    route: (path, answer) => void routes.set(path, answer),
    everything: () => requests.map((request) => `${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${request.body}`).join('\n'),
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
