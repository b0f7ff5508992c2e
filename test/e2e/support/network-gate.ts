/**
 * A gate on loopback in front of a sandbox server, which a test opens, closes or makes drop
 * chosen requests: the IdP going down, or the network failing in the middle of a flow.
 *
 * ```ts
 * const gate = await startNetworkGate();
 * env = await startEnvironment({ idp: { issuer: gate.url } });  // the IdP names the gate as issuer
 * gate.forwardTo(env.idp.port);
 * gate.drop((request) => request.method === 'POST' && request.path === '/token');
 * ```
 * With `rewriteHeaders` it also plays a relay that changes what the server answers (say, strips a
 * parameter from a redirect).
 */
import { createServer, request as forward } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the gate knows of a request when deciding its fate. */
export interface GateRequest {
  method: string;
  path: string;
}

export interface NetworkGate {
  url: string;
  /** Sends what passes to this loopback port. */
  forwardTo(port: number): void;
  /** Cuts the connection of every request `rule` picks (all of them by default): a dead network, not an HTTP error. */
  drop(rule?: (request: GateRequest) => boolean): void;
  /** Lets everything through again. */
  open(): void;
  /** Requests the gate has cut so far. */
  dropped: GateRequest[];
  /** Requests answered through the gate, once their answer is complete, with its status. */
  served: Array<GateRequest & { status: number }>;
  close(): Promise<void>;
}

/** Options of {@link startNetworkGate}. */
export interface NetworkGateOptions {
  /** Changes the headers of every answer passed back; the body goes through untouched. */
  rewriteHeaders?: (headers: Record<string, string | string[] | undefined>) => Record<string, string | string[] | undefined>;
}

export async function startNetworkGate({ rewriteHeaders = (headers) => headers }: NetworkGateOptions = {}): Promise<NetworkGate> {
  let targetPort = 0;
  let rule: ((request: GateRequest) => boolean) | undefined;
  const dropped: GateRequest[] = [];
  const served: Array<GateRequest & { status: number }> = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, outgoing) => {
    const request = { method: incoming.method ?? 'GET', path: incoming.url ?? '/' };
    if (!targetPort || rule?.(request)) {
      dropped.push(request);
      incoming.socket.destroy();
      return;
    }
    const upstream = forward({ host: '127.0.0.1', port: targetPort, method: request.method, path: request.path, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, rewriteHeaders({ ...answer.headers }));
      outgoing.on('finish', () => served.push({ ...request, status: answer.statusCode ?? 502 }));
      answer.pipe(outgoing);
    });
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo: (value) => {
      targetPort = value;
    },
    drop: (value = () => true) => {
      rule = value;
      // Kept-alive connections would otherwise outlive the cut.
      for (const socket of sockets) socket.destroy();
    },
    open: () => {
      rule = undefined;
    },
    dropped,
    served,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
