import { execFile } from 'node:child_process';
import { childEnvironment, startContainerServer } from '../../../src/cli/container-server';
import type { ContainerServer } from '../../../src/cli/container-server';
import { TerminalError } from '../../../src/terminal';
import { credentialsResult } from '../terminal/fake-extension';

let server: ContainerServer;
let fetches = 0;
const errors: unknown[] = [];

beforeEach(async () => {
  fetches = 0;
  server = await startContainerServer(async () => {
    fetches += 1;
    if (fetches > 2) throw new TerminalError('not-signed-in', 'Sign in from the popup.');
    return credentialsResult('dev');
  }, (error) => errors.push(error));
});

afterEach(() => server.close());

it('listens on loopback with a random token', () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wic\/[0-9a-f]{16}$/);
  expect(server.token.length).toBeGreaterThanOrEqual(43);
});

it('refuses requests without the token, with a wrong one, or to another path', async () => {
  expect((await fetch(server.url)).status).toBe(401);
  expect((await fetch(server.url, { headers: { authorization: `${server.token}x` } })).status).toBe(401);
  expect((await fetch(`${server.url}x`, { headers: { authorization: server.token } })).status).toBe(404);
  expect(fetches).toBe(0);
});

it('answers the container credentials shape, fetched afresh each time, and says why when it cannot', async () => {
  const get = () => fetch(server.url, { headers: { authorization: server.token } });
  const first = await get();
  expect(first.headers.get('cache-control')).toBe('no-store');
  expect(await first.json()).toEqual({ AccessKeyId: 'ASIADEVXXXXXXXXXXXXX', SecretAccessKey: 'secret/dev+key', Token: 'token-dev', Expiration: '2030-01-01T01:00:00Z' });
  await get();
  const failed = await get();
  expect(failed.status).toBe(503);
  expect(await failed.json()).toEqual({ Code: 'not-signed-in', Message: 'Sign in from the popup.' });
  expect(fetches).toBe(3);
  expect(errors).toHaveLength(1);
});

it('gives a child process its endpoint and nothing that would compete with it', async () => {
  const env = childEnvironment({ PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't', AWS_PROFILE: 'p', AWS_REGION: 'us-east-2' }, server, 'eu-west-1');
  expect(env).toMatchObject({ AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'eu-west-1' });
  expect(Object.keys(env).filter((name) => ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'].includes(name))).toEqual([]);
  const script = 'fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } }).then((r) => r.json()).then((j) => process.stdout.write(j.AccessKeyId))';
  const output = await new Promise<string>((resolve, reject) => execFile(process.execPath, ['-e', script], { env }, (error, stdout) => (error ? reject(error) : resolve(stdout))));
  expect(output).toBe('ASIADEVXXXXXXXXXXXXX');
});
