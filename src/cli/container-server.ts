/**
 * `wic exec`'s credential endpoint: the container credentials provider every AWS SDK and the CLI
 * read from `AWS_CONTAINER_CREDENTIALS_FULL_URI` (loopback http is allowed), checking
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN` on each request. Each request asks the extension afresh,
 * so a long-running command keeps getting renewed credentials.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-container-credentials.html
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CredentialsResult } from '../terminal';
import { TerminalError } from '../terminal';

export interface ContainerServer {
  /** The full URI to put in `AWS_CONTAINER_CREDENTIALS_FULL_URI`. */
  url: string;
  /** The value to put in `AWS_CONTAINER_AUTHORIZATION_TOKEN`. */
  token: string;
  close(): Promise<void>;
}

/** A random authorization token, new for every `wic exec`. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Serves credentials from `fetch` on 127.0.0.1 at a random port. `onError` hears of each failed
 * fetch (to tell the user why their command's SDK got none).
 */
export async function startContainerServer(fetch: () => Promise<CredentialsResult>, onError: (error: unknown) => void, token = newToken()): Promise<ContainerServer> {
  const path = `/wic/${randomBytes(8).toString('hex')}`;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.url !== path) return reply(response, 404, { Code: 'NotFound', Message: 'Not found.' });
    if (request.method !== 'GET') return reply(response, 405, { Code: 'MethodNotAllowed', Message: 'Use GET.' });
    if (!sameToken(request.headers.authorization, token)) return reply(response, 401, { Code: 'Unauthorized', Message: 'Missing or wrong authorization token.' });
    try {
      const { credentials } = await fetch();
      reply(response, 200, { AccessKeyId: credentials.AccessKeyId, SecretAccessKey: credentials.SecretAccessKey, Token: credentials.SessionToken, Expiration: credentials.Expiration });
    } catch (error) {
      onError(error);
      reply(response, 503, { Code: error instanceof TerminalError ? error.code : 'Unavailable', Message: error instanceof Error ? error.message : 'No credentials.' });
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    token,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Variables that would make an SDK use other credentials than the endpoint's. */
export const CONFLICTING_VARIABLES = [
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
] as const;

/** The command's environment: `env` without other credentials, with the endpoint, and the region if unset. */
export function childEnvironment(env: Readonly<Record<string, string | undefined>>, server: Pick<ContainerServer, 'url' | 'token'>, region: string): Record<string, string> {
  const child: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && !(CONFLICTING_VARIABLES as readonly string[]).includes(name)) child[name] = value;
  child.AWS_CONTAINER_CREDENTIALS_FULL_URI = server.url;
  child.AWS_CONTAINER_AUTHORIZATION_TOKEN = server.token;
  if (!child.AWS_REGION && region) child.AWS_REGION = region;
  if (!child.AWS_DEFAULT_REGION && region) child.AWS_DEFAULT_REGION = region;
  return child;
}
