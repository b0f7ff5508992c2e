/**
 * End-to-end harness: a sandbox OpenID Provider and moto (each its own Node child process, see
 * test/sandbox/), and Chromium with the extension loaded, driven by playwright-core.
 *
 * ```ts
 * let env: Environment;
 * beforeAll(async () => { env = await startEnvironment({ localConfig: 'sandbox' }); });
 * afterAll(() => env?.close());
 *
 * const authWindow = env.waitForAuthWindow();
 * await popup.getByRole('button', { name: 'Sign in' }).click();
 * await env.loginOnIdp(await authWindow, 'alice');
 * ```
 *
 * Everything started is stopped and every temp dir and policy file removed by `close()`, by a
 * failed start, and (SIGKILL of children, policy files) when the jest process exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { chromiumFlags } from '../../sandbox/chromium-flags.mjs';
import { confirmedOrigins, sandboxConfig as sharedSandboxConfig } from '../../sandbox/sandbox-config.mjs';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Fixed by the manifest `key`. */
export const EXTENSION_ID = 'pphpgldbnphjbnncbdmijojinkfahdin';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
export const REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;
export const DEFAULT_EXTENSION_DIR = path.join(ROOT, 'dist', 'chrome');
export const MANAGED_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
export const SANDBOX_ROLE_ARN = 'arn:aws:iam::123456789012:role/Developer';

export interface SandboxProvider {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  scopes: string;
  [field: string]: unknown;
}

export interface SandboxProfile {
  id: string;
  name: string;
  provider: string;
  roleArn: string;
  region: string;
  durationSeconds: number;
  stsEndpoint?: string;
  [field: string]: unknown;
}

/** What the extension reads from `storage.local` key `config` (and, split, from `storage.managed`). */
export interface SandboxConfig {
  schemaVersion?: number;
  providers: SandboxProvider[];
  profiles: SandboxProfile[];
}

export type StorageAreaName = 'local' | 'session' | 'sync' | 'managed';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface IdpOptions {
  clientId?: string;
  /** The Chromium redirect URI by default. */
  redirectUris?: string[];
  /** Claims added to every ID token, e.g. `{ 'https://aws.amazon.com/roles': [...] }`. */
  extraClaims?: Record<string, unknown>;
  /** Per-login claims, over `extraClaims`. */
  accounts?: Record<string, Record<string, unknown>>;
  /** oidc-provider lifetimes in seconds, e.g. `{ IdToken: 30, RefreshToken: 120 }`. */
  ttl?: Record<string, number>;
  /** The issuer URL, when something else (a gate in front of the IdP) serves it; the IdP's own address by default. */
  issuer?: string;
  /** Accept only `redirectUris` as given, not followed by a provider id (see test/sandbox/idp.mjs). */
  exactRedirectUris?: boolean;
}

export interface EnvironmentOptions {
  /** The unpacked extension to load; `dist/chrome` (run `npm run build`) by default. */
  extensionDir?: string;
  /** Load a generated do-nothing extension with the same key instead (see `writeStubExtension`). */
  stubExtension?: boolean;
  /**
   * Enterprise policy for the extension: becomes its `storage.managed` (e.g. `{ providers, profiles }`).
   * A function receives the sandbox configuration, whose URLs are known only once the servers run.
   */
  managedPolicy?: Record<string, unknown> | ((sandbox: SandboxConfig) => Record<string, unknown>);
  /** Written to `storage.local` key `config` before `startEnvironment` returns; 'sandbox' = `env.sandboxConfig()`. */
  localConfig?: SandboxConfig | 'sandbox';
  /** Shortcut for `idp.extraClaims`. */
  extraClaims?: Record<string, unknown>;
  idp?: IdpOptions;
  /** Start moto (default true). */
  sts?: boolean;
  /** Headless unless false or HEADFUL=1 (needs a display). */
  headless?: boolean;
  chromiumArgs?: string[];
  /** More unpacked extensions to load beside ours (e.g. one that attacks it). */
  extraExtensionDirs?: string[];
}

export interface IdpHandle {
  issuer: string;
  port: number;
  clientId: string;
  redirectUris: string[];
  /** Ends every IdP session: the next authorization shows the login form, prompt=none fails. */
  revokeSessions(): Promise<void>;
  /** Ends every grant and its tokens: refresh tokens stop working. */
  revokeGrants(): Promise<void>;
  /** Replaces the claims of one login (over `extraClaims`) in the tokens issued from now on. */
  setAccountClaims(login: string, claims: Record<string, unknown>): Promise<void>;
}

export interface StsHandle {
  endpoint: string;
  port: number;
}

export interface LoginOptions {
  password?: string;
  /** Wait until the launchWebAuthFlow window closes, i.e. the flow reached the redirect URI (default true). */
  waitForClose?: boolean;
  timeout?: number;
}

export interface Environment {
  context: BrowserContext;
  extensionId: string;
  extensionOrigin: string;
  extensionDir: string;
  /** The browser's profile directory: what someone reading the disk would find. */
  profileDir: string;
  /** The extension's service worker. Playwright keeps this object across worker restarts; an
   * evaluate on a stopped worker waits until something starts it, so prefer `getWorker()`. */
  worker: Worker;
  idp: IdpHandle;
  /** Absent when started with `sts: false`. */
  sts: StsHandle | undefined;
  /** The standard sandbox configuration for this environment's IdP and moto. */
  sandboxConfig(): SandboxConfig;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  openExtensionPage(file: string): Promise<Page>;
  /**
   * Writes the user's document; `confirmHosts` (default true) also records the user's
   * confirmation of every non-AWS host it sends tokens to, as the options page would.
   */
  setLocalConfig(config: SandboxConfig | Record<string, unknown>, options?: { confirmHosts?: boolean }): Promise<void>;
  readStorage(area: StorageAreaName): Promise<Record<string, unknown>>;
  /** Resolves with the next (or an open) window showing an IdP page. Call it before the click that opens it. */
  waitForAuthWindow(options?: { timeout?: number }): Promise<Page>;
  /** Fills the IdP login form like a person and submits; accepts a consent page should one appear. */
  loginOnIdp(page: Page, login: string, options?: LoginOptions): Promise<void>;
  /** The service worker, started first if it is stopped. */
  getWorker(): Promise<Worker>;
  /** Stops the MV3 service worker as Chromium does when idle; the next event starts a fresh one. */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser and launches it again on the same profile directory, as a user restarting
   * it: session storage is gone, the rest stays. `context` and `worker` then name the new ones.
   * `beforeLaunch` runs while the browser is closed (e.g. to edit the profile's files). */
  restart(options?: { beforeLaunch?(): Promise<void> }): Promise<void>;
  /** Reads the clipboard (what a Copy button wrote) in a tab of the extension origin, which holds
   * the clipboard-read permission; see `startEnvironment` for why it is granted over CDP. */
  readClipboard(): Promise<string>;
  /** Recent stderr of the IdP and moto processes, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

interface ChromeLike {
  storage: Record<StorageAreaName, {
    get(keys: null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  }>;
}

// ---------------------------------------------------------------------------------------------
// Child processes. Each watches its IPC channel and stops when this process goes away, even when
// it is killed; the IdP process also removes the temp dirs and policy file then (removeOnExit).
// (A process.on('exit') hook would not do: jest gives test files a process object whose
// listeners never fire.)

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Each sandbox child leads its own process group, so moto_server goes with sts.mjs.
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

export class LogBuffer {
  #lines: string[] = [];

  add(label: string, chunk: string): void {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      this.#lines.push(`[${label}] ${line}`);
      if (process.env.WIC_E2E_VERBOSE) process.stderr.write(`[${label}] ${line}\n`);
    }
    this.#lines.splice(0, Math.max(0, this.#lines.length - 300));
  }

  toString(): string {
    return this.#lines.join('\n');
  }
}

export interface SandboxProcess<Info> {
  info: Info;
  call(method: string, ...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

interface ChildReply {
  id: number;
  result?: unknown;
  error?: string;
}

/**
 * Runs `node test/sandbox/<script>` and waits for its ready line (protocol: test/sandbox/child.mjs).
 * `env` replaces this process's environment for it, e.g. a PATH without moto_server.
 */
export async function spawnSandbox<Info>(script: string, args: string[], log: LogBuffer, timeoutMs = 60_000, env?: NodeJS.ProcessEnv): Promise<SandboxProcess<Info>> {
  const label = path.basename(script, '.mjs');
  const child = spawn(process.execPath, [path.join(ROOT, 'test', 'sandbox', script), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log.add(label, chunk));

  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on('message', (message: ChildReply) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(`${label}: ${message.error}`));
    else waiter?.resolve(message.result);
  });
  child.once('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${label} exited`));
    pending.clear();
  });

  const info = await new Promise<Info>((resolve, reject) => {
    let stdout = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      reject(new Error(`${label} did not start: ${reason}\n${log.toString()}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${timeoutMs} ms`), timeoutMs);
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited with ${signal ?? code}`);
    child.once('exit', onEarlyExit);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      try {
        resolve(JSON.parse(stdout.slice(0, newline)) as Info);
      } catch (error) {
        fail(`unreadable ready line ${JSON.stringify(stdout.slice(0, newline))}: ${String(error)}`);
      }
    });
  });

  let nextId = 1;
  return {
    info,
    call: (method, ...callArgs) => new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${label} is not running`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, method, args: callArgs });
    }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      killGroup(child, 'SIGKILL');
    },
  };
}

/** What an environment must undo, newest first, when it closes or fails to start. */
export interface CleanupStack {
  push(cleanup: () => Promise<unknown>): void;
  /** Runs every cleanup once, however often it is called; throws all their failures together. */
  close(): Promise<void>;
}

/** An empty {@link CleanupStack}; `what` names the environment in the failure. */
export function cleanupStack(what: string): CleanupStack {
  const pending: Array<() => Promise<unknown>> = [];
  let closed: Promise<void> | undefined;
  return {
    push: (cleanup) => void pending.push(cleanup),
    close: () => {
      closed ??= (async () => {
        const errors: unknown[] = [];
        for (const cleanup of pending.reverse()) {
          await cleanup().catch((error: unknown) => errors.push(error));
        }
        if (errors.length) throw new AggregateError(errors, `${what}: cleanup failed`);
      })();
      return closed;
    },
  };
}

/** The sandbox IdP and moto as an environment holds them. */
export interface SandboxServers {
  idp: IdpHandle;
  /** Absent when started with `sts: false`. */
  sts: StsHandle | undefined;
  /** Should this process die before close(), the IdP process (which notices) removes this path. */
  removeOnExit(file: string): Promise<unknown>;
  /** Should this process die before close(), the IdP process kills this one (a browser). */
  killOnExit(pid: number): Promise<unknown>;
}

/** Starts the IdP and, unless `sts` is false, moto, side by side; `cleanup` stops whichever started. */
export async function startSandboxServers(idpOptions: IdpOptions, sts: boolean, log: LogBuffer, cleanup: CleanupStack): Promise<SandboxServers> {
  const [idpStarted, stsStarted] = await Promise.allSettled([
    spawnSandbox<Omit<IdpHandle, 'revokeSessions' | 'revokeGrants' | 'setAccountClaims'>>('idp.mjs', ['--options', JSON.stringify(idpOptions)], log),
    sts ? spawnSandbox<StsHandle>('sts.mjs', [], log) : undefined,
  ]);
  if (idpStarted.status === 'fulfilled') cleanup.push(idpStarted.value.close);
  if (stsStarted.status === 'fulfilled' && stsStarted.value) cleanup.push(stsStarted.value.close);
  if (idpStarted.status === 'rejected') throw idpStarted.reason;
  if (stsStarted.status === 'rejected') throw stsStarted.reason;
  const idpProcess = idpStarted.value;
  return {
    idp: {
      ...idpProcess.info,
      revokeSessions: async () => void (await idpProcess.call('revokeSessions')),
      revokeGrants: async () => void (await idpProcess.call('revokeGrants')),
      setAccountClaims: async (login, claims) => void (await idpProcess.call('setAccountClaims', login, claims)),
    },
    sts: stsStarted.value?.info,
    removeOnExit: (file) => idpProcess.call('removeOnExit', file),
    killOnExit: (pid) => idpProcess.call('killOnExit', pid),
  };
}

// ---------------------------------------------------------------------------------------------
// Files: managed policy, stub extension.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes what runs killed before their `close()` left behind: policy files (Chromium would merge
 * them into ours) and temp dirs. Their names carry the pid of the run that made them.
 */
export function removeLeftovers(): void {
  const stale = (name: string) => {
    const pid = Number(/^wic-e2e-(\d+)-/.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !isAlive(pid);
  };
  for (const dir of [MANAGED_POLICY_DIR, tmpdir()]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter(stale)) {
      rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

async function writeManagedPolicy(policy: Record<string, unknown>): Promise<string> {
  const file = path.join(MANAGED_POLICY_DIR, `wic-e2e-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  const content = JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2);
  try {
    await mkdir(MANAGED_POLICY_DIR, { recursive: true });
    await writeFile(file, content);
  } catch (error) {
    throw new Error(`cannot write the managed policy ${file} (Chromium reads policy from there; run as root)`, { cause: error });
  }
  return file;
}

/**
 * Writes a do-nothing MV3 extension with the project's manifest `key` (so the same id and
 * redirect URI), its permissions and a managed-storage schema for providers and profiles.
 * It lets the harness be tested without depending on the state of src/.
 */
export async function writeStubExtension(dir: string): Promise<string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { key: string; permissions?: string[] };
  const entry = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, additionalProperties: { type: 'string' } };
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Web Identity Credentials (harness stub)',
      version: '0.0.1',
      key: manifest.key,
      permissions: manifest.permissions ?? ['identity', 'storage'],
      background: { service_worker: 'background.js' },
      action: { default_popup: 'popup.html' },
      options_ui: { page: 'options.html', open_in_tab: true },
      storage: { managed_schema: 'managed-schema.json' },
    }, null, 2),
    'managed-schema.json': JSON.stringify({
      type: 'object',
      properties: { providers: { type: 'array', items: entry }, profiles: { type: 'array', items: entry } },
    }, null, 2),
    'background.js': '// Harness stub: a listener so that messages have a receiver.\nchrome.runtime.onMessage.addListener(() => undefined);\n',
    'popup.html': '<!doctype html><meta charset="utf-8"><title>Stub popup</title><p>Harness stub popup</p>\n',
    'options.html': '<!doctype html><meta charset="utf-8"><title>Stub options</title><p>Harness stub options</p>\n',
  };
  await mkdir(dir, { recursive: true });
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(path.join(dir, name), content)));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// AWS helpers, from Node.

/**
 * The standard sandbox configuration, the one `npm start` writes (test/sandbox/sandbox-config.mjs):
 * one provider, one profile assuming SANDBOX_ROLE_ARN, at the stored format version.
 */
export function sandboxConfig(issuer: string, stsEndpoint: string | undefined, clientId = 'web-identity-credentials'): SandboxConfig {
  return sharedSandboxConfig(issuer, stsEndpoint ? { endpoint: stsEndpoint, kind: 'moto' } : undefined, { clientId });
}

/** Calls GetCallerIdentity with `credentials` against `endpoint` (moto) and returns the Arn. */
export async function callerIdentityArn(credentials: AwsCredentials, endpoint: string, region = 'us-east-1'): Promise<string> {
  const client = new STSClient({ endpoint, region, credentials });
  try {
    const { Arn } = await client.send(new GetCallerIdentityCommand({}));
    if (!Arn) throw new Error('GetCallerIdentity returned no Arn');
    return Arn;
  } finally {
    client.destroy();
  }
}

/** An unsigned AssumeRoleWithWebIdentity, as the extension makes it. moto accepts any token. */
export async function assumeRoleWithWebIdentity(endpoint: string, params: {
  roleArn: string;
  webIdentityToken: string;
  roleSessionName?: string;
  durationSeconds?: number;
  region?: string;
}): Promise<AwsCredentials & { expiration: Date | undefined; assumedRoleArn: string | undefined }> {
  const client = new STSClient({ endpoint, region: params.region ?? 'us-east-1' });
  try {
    const { Credentials, AssumedRoleUser } = await client.send(new AssumeRoleWithWebIdentityCommand({
      RoleArn: params.roleArn,
      WebIdentityToken: params.webIdentityToken,
      RoleSessionName: params.roleSessionName ?? 'e2e',
      DurationSeconds: params.durationSeconds,
    }));
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('AssumeRoleWithWebIdentity returned no credentials');
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
      assumedRoleArn: AssumedRoleUser?.Arn,
    };
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// The environment.

/** The flags `npm start` uses too (test/sandbox/chromium-flags.mjs), and loopback only. */
export function chromiumArgs(extensionDir: string, extraExtensionDirs: string[] = []): string[] {
  return [
    ...chromiumFlags([extensionDir, ...extraExtensionDirs]),
    // Loopback only: any other host fails at once instead of waiting on DNS (the IdP's pages
    // @import a web font).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
}

/** Starts the IdP, moto and Chromium with the extension; see `EnvironmentOptions`. */
export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
  const cleanup = cleanupStack('e2e environment');
  const log = new LogBuffer();
  const close = () => cleanup.close();

  try {
    removeLeftovers();
    const idpOptions = { ...options.idp, extraClaims: { ...options.idp?.extraClaims, ...options.extraClaims } };
    const { idp, sts, removeOnExit } = await startSandboxServers(idpOptions, options.sts !== false, log, cleanup);

    if (options.managedPolicy) {
      const policy = typeof options.managedPolicy === 'function'
        ? options.managedPolicy(sandboxConfig(idp.issuer, sts?.endpoint, idp.clientId))
        : options.managedPolicy;
      const file = await writeManagedPolicy(policy);
      cleanup.push(() => rm(file, { force: true }));
      await removeOnExit(file);
    }

    let extensionDir = options.extensionDir ?? DEFAULT_EXTENSION_DIR;
    if (options.stubExtension) {
      const stubDir = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-stub-`));
      cleanup.push(() => rm(stubDir, { recursive: true, force: true }));
      await removeOnExit(stubDir);
      extensionDir = await writeStubExtension(stubDir);
    }
    if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(`no extension at ${extensionDir}: run \`npm run build\` first`);
    }

    const profileDir = await mkdtemp(path.join(tmpdir(), `wic-e2e-${process.pid}-profile-`));
    cleanup.push(() => rm(profileDir, { recursive: true, force: true }));
    await removeOnExit(profileDir);
    // The browser, replaced whole by restart(); everything below reads it through `current`.
    const launch = async () => {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        headless: options.headless ?? !process.env.HEADFUL,
        args: [...chromiumArgs(extensionDir, options.extraExtensionDirs), ...(options.chromiumArgs ?? [])],
      });
      try {
        const isOurs = (worker: Worker) => worker.url().startsWith(`${EXTENSION_ORIGIN}/`);
        const worker = context.serviceWorkers().find(isOurs)
          ?? await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });

        // Playwright's grantPermissions() turns the origin into `new URL(origin).origin`, which is
        // "null" for chrome-extension: and fails ("opaque origins"); the CDP command takes it as is.
        const browserSession = await context.browser()?.newBrowserCDPSession();
        if (!browserSession) throw new Error('no browser CDP session');
        await browserSession.send('Browser.grantPermissions', {
          origin: EXTENSION_ORIGIN,
          permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
        });
        return { context, worker, workers: await watchServiceWorker(context) };
      } catch (error) {
        await context.close().catch(() => undefined);
        throw error;
      }
    };
    let current = await launch();
    cleanup.push(() => current.context.close());

    const getWorker = async () => {
      await current.workers.start();
      return current.worker;
    };

    const openExtensionPage = async (file: string) => {
      const page = await current.context.newPage();
      await page.goto(`${EXTENSION_ORIGIN}/${file}`);
      return page;
    };

    // Writing the document straight to storage stands in for a user who imported it; by default
    // it also records that user's confirmation of the non-AWS (loopback) hosts it names, as the
    // options page would after the click naming each (src/config/endpoint-trust.ts).
    const setLocalConfig = async (config: SandboxConfig | Record<string, unknown>, { confirmHosts = true } = {}) => {
      const trusted = confirmHosts ? confirmedOrigins(config) : [];
      await (await getWorker()).evaluate(async ([value, origins]) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeLike };
        await chrome.storage.local.set({ config: value, ...(origins.length ? { 'trusted-endpoints': origins } : {}) });
      }, [config, trusted] as const);
    };

    const isIdpUrl = (url: string) => url.startsWith(`${idp.issuer}/`);

    const env: Environment = {
      get context() {
        return current.context;
      },
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
      extensionDir,
      profileDir,
      get worker() {
        return current.worker;
      },
      idp,
      sts,
      sandboxConfig: () => sandboxConfig(idp.issuer, sts?.endpoint, idp.clientId),
      openPopup: () => openExtensionPage('popup.html'),
      openOptions: () => openExtensionPage('options.html'),
      openExtensionPage,
      setLocalConfig,
      readStorage: async (area) => (await getWorker()).evaluate(async (name) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeLike };
        return chrome.storage[name].get(null);
      }, area),
      waitForAuthWindow: ({ timeout = 15_000 } = {}) => waitForPage(current.context, isIdpUrl, timeout),
      loginOnIdp: (page, login, loginOptions) => loginOnIdp(page, login, loginOptions),
      getWorker,
      stopServiceWorker: () => current.workers.stop(),
      restart: async (restartOptions) => {
        await current.context.close();
        await restartOptions?.beforeLaunch?.();
        current = await launch();
      },
      readClipboard: async () => {
        // Any document of the extension origin will do; manifest.json runs none of the extension's code.
        const page = await openExtensionPage('manifest.json');
        try {
          return await page.evaluate(() => navigator.clipboard.readText());
        } finally {
          await page.close();
        }
      },
      logs: () => log.toString(),
      close,
    };

    if (options.localConfig) {
      await setLocalConfig(options.localConfig === 'sandbox' ? env.sandboxConfig() : options.localConfig);
    }
    return env;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** Starts and stops the extension's service worker through the CDP ServiceWorker domain. */
async function watchServiceWorker(context: BrowserContext) {
  // The domain lives on page targets; the first tab of a persistent context is a blank page.
  const controlPage = context.pages()[0] ?? await context.newPage();
  const session: CDPSession = await context.newCDPSession(controlPage);
  const script = `${EXTENSION_ORIGIN}/`;
  const state = { versionId: '', status: 'stopped' };
  const changed = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(script) || version.status === 'redundant') continue;
      state.versionId = version.versionId;
      state.status = version.runningStatus;
    }
    for (const notify of changed) notify();
  });
  await session.send('ServiceWorker.enable');

  const until = (status: string, timeout = 10_000) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (state.status !== status) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`service worker still ${state.status}, expected ${status}`));
    }, timeout);
    const finish = () => {
      clearTimeout(timer);
      changed.delete(check);
    };
    changed.add(check);
    check();
  });

  await until('running');
  return {
    stop: async () => {
      await session.send('ServiceWorker.stopWorker', { versionId: state.versionId });
      await until('stopped');
    },
    start: async () => {
      if (state.status === 'running') return;
      await session.send('ServiceWorker.startWorker', { scopeURL: script });
      await until('running');
    },
  };
}

function waitForPage(context: BrowserContext, matches: (url: string) => boolean, timeout: number): Promise<Page> {
  return new Promise<Page>((resolve, reject) => {
    const done = (page?: Page) => {
      clearTimeout(timer);
      context.off('page', consider);
      if (page) resolve(page);
      else reject(new Error(`no window showed an IdP page within ${timeout} ms`));
    };
    const consider = (page: Page) => {
      if (matches(page.url())) return done(page);
      page.waitForURL((url) => matches(url.href), { timeout, waitUntil: 'commit' }).then(() => done(page), () => undefined);
    };
    const timer = setTimeout(() => done(), timeout);
    context.on('page', consider);
    context.pages().forEach(consider);
  });
}

async function loginOnIdp(page: Page, login: string, { password = 'sandbox-password', waitForClose = true, timeout = 15_000 }: LoginOptions = {}): Promise<void> {
  const closed = page.waitForEvent('close', { timeout }).then(() => 'closed' as const);
  closed.catch(() => undefined);
  await page.locator('input[name=login]').fill(login, { timeout });
  await page.locator('input[name=password]').fill(password, { timeout });
  await page.locator('button[type=submit]').click({ timeout }).catch((error: unknown) => {
    // The click can race the window closing on the redirect to chromiumapp.org.
    if (!page.isClosed()) throw error;
  });
  if (!waitForClose) return;

  for (let step = 0; step < 3; step += 1) {
    const outcome = await Promise.race([
      closed,
      page.locator('input[name=prompt][value=consent]').waitFor({ state: 'attached', timeout }).then(() => 'consent' as const, () => 'gone' as const),
      page.getByText('oops! something went wrong').waitFor({ timeout }).then(() => 'error' as const, () => 'gone' as const),
    ]);
    if (outcome === 'closed') return;
    if (outcome === 'consent') {
      await page.locator('button[type=submit]').click({ timeout }).catch(() => undefined);
    } else if (outcome === 'error') {
      throw new Error(`the IdP showed an error page:\n${await page.locator('body').innerText()}`);
    } else {
      await closed;
      return;
    }
  }
  await closed;
}
