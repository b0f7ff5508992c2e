/**
 * The HTTP side every AWS stand-in shares: a server on loopback that answers browsers' CORS
 * preflights as AWS does (any origin), collects each request's body and hands it to `respond`.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a stand-in sends back for one request. */
export interface LoopbackAnswer {
  status: number;
  contentType: string;
  requestId: string;
  body: string;
}

/** Starts the server; `respond` turns each request's headers and body text into the answer. */
export async function startLoopbackAwsService(respond: (headers: IncomingHttpHeaders, text: string) => LoopbackAnswer) {
  const server = createServer((incoming, outgoing) => {
    // The SDK sends its own headers, so browsers ask first (CORS preflight); AWS allows any origin.
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-requestid' };
    if (incoming.method === 'OPTIONS') {
      outgoing.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': incoming.headers['access-control-request-headers'] ?? '*',
      }).end();
      return;
    }
    let text = '';
    incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
    incoming.on('end', () => {
      const { status, contentType, requestId, body } = respond(incoming.headers, text);
      outgoing.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': requestId, ...cors }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // Browsers keep connections alive; end them, or close() would wait for them.
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
