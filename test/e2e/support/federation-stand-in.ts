/**
 * A local stand-in of the AWS federation endpoint (signin.aws.amazon.com/federation) on
 * 127.0.0.1: it answers `getSigninToken` with a fresh token and `login` with a page, records
 * every request, and, like AWS, sends no CORS headers, so only a granted host permission lets
 * the extension read its answers.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in saw it. */
export interface FederationRequest {
  method: string;
  path: string;
  /** Query parameters in the order sent. */
  params: [string, string][];
  cookie: string | undefined;
}

/** A running stand-in. */
export interface FederationStandIn {
  /** `http://127.0.0.1:<port>/federation`, for a profile's `signinEndpoint`. */
  endpoint: string;
  requests: FederationRequest[];
  /** Sign-in tokens handed out, in order. */
  tokens: string[];
  /** Answers the next `getSigninToken` with this HTTP status (as AWS does for expired credentials). */
  failNext(status: number): void;
  close(): Promise<void>;
}

/** Starts the stand-in on an ephemeral loopback port. */
export async function startFederationStandIn(): Promise<FederationStandIn> {
  const requests: FederationRequest[] = [];
  const tokens: string[] = [];
  let failStatus: number | undefined;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? '', path: url.pathname, params: [...url.searchParams], cookie: request.headers.cookie });
    const action = url.searchParams.get('Action');
    if (url.pathname === '/federation' && action === 'getSigninToken') {
      if (failStatus !== undefined) {
        response.writeHead(failStatus, { 'content-type': 'text/html' }).end('<html><body>Bad Request</body></html>');
        failStatus = undefined;
        return;
      }
      const token = `stand-in-${randomBytes(24).toString('base64url')}`;
      tokens.push(token);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ SigninToken: token }));
    } else if (url.pathname === '/federation' && action === 'login') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>AWS console (stand-in)</title><p>Signed in.</p>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/federation`,
    requests,
    tokens,
    failNext: (status) => {
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
