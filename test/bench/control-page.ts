/**
 * An extension page the benchmark drives from outside: it sends the typed messages of
 * src/messages.ts as raw envelopes (so a build without an action answers UNKNOWN_MESSAGE instead
 * of failing to compile) and watches storage.session as the popup does.
 */
import type { Page } from 'playwright-core';
import type { Environment } from '../e2e/support/harness';
import { credentialsKey } from '../../src/storage/keys';

interface StorageChange {
  newValue?: unknown;
}
type ChangeListener = (changes: Record<string, StorageChange>, area: string) => void;
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    session: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
  };
}
/** The page's globals as the functions below use them. */
type PageScope = typeof globalThis & { chrome: ChromeApi } & Record<string, unknown>;

/** The background's answer, as src/messages.ts shapes it. */
export type RawReply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } | undefined;

/**
 * Opens the control page: the extension's manifest.json, a document of the extension's origin
 * (so it may message the background and watch storage) that runs none of the extension's code.
 */
export async function openControlPage(env: Environment): Promise<Page> {
  return env.openExtensionPage('manifest.json');
}

/** Rejects with "no <what> within <ms> ms" unless the promise settles sooner: a stuck run fails, it does not hang. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** How long an action may take before the run counts as stuck. */
const actionTimeoutMs = 180_000;

/** Sends an action and returns the reply envelope as it came. */
export async function sendAction(control: Page, action: string, payload: Record<string, unknown>): Promise<RawReply> {
  const reply = control.evaluate(
    ({ action, payload }) => (globalThis as PageScope).chrome.runtime.sendMessage({ action, payload }) as Promise<RawReply>,
    { action, payload },
  );
  return withTimeout(reply, actionTimeoutMs, `answer to ${action}`);
}

/** Sends an action and returns its value, or throws with the background's error. */
export async function perform(control: Page, action: string, payload: Record<string, unknown>): Promise<unknown> {
  const reply = await sendAction(control, action, payload);
  if (!reply?.ok) throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

let watches = 0;

/**
 * Starts watching for new credentials (another access key id, or the same one issued again) of
 * every given profile.
 * Call it before the action that stores them; the returned function resolves with the browser's
 * wall-clock time (epoch ms) at which the page saw the last of them arrive, and rejects naming
 * the profiles still waiting after `timeoutMs`.
 */
export async function watchCredentials(control: Page, profileIds: readonly string[], timeoutMs = 120_000): Promise<() => Promise<number>> {
  const name = `wicBenchWatch${(watches += 1)}`;
  await control.evaluate(async ({ name, keys, timeoutMs }) => {
    const scope = globalThis as PageScope;
    // The access key and when it was issued: moto's identity pools hand out one fixed access key.
    const keyId = (value: unknown) => {
      const credentials = value as { accessKeyId?: unknown; issuedAt?: unknown } | undefined;
      return credentials?.accessKeyId === undefined ? undefined : `${String(credentials.accessKeyId)} ${String(credentials.issuedAt)}`;
    };
    const before = await scope.chrome.storage.session.get(keys);
    const pending = new Set<string>(keys);
    scope[name] = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        scope.chrome.storage.onChanged.removeListener(listener);
        reject(new Error(`no new credentials for ${[...pending].join(', ')} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener: ChangeListener = (changes, area) => {
        if (area !== 'session') return;
        for (const [key, change] of Object.entries(changes)) {
          // Writes of the same credentials (or their removal) are not new credentials.
          if (keyId(change.newValue) !== undefined && keyId(change.newValue) !== keyId(before[key])) pending.delete(key);
        }
        if (pending.size > 0) return;
        clearTimeout(timer);
        scope.chrome.storage.onChanged.removeListener(listener);
        resolve(performance.timeOrigin + performance.now());
      };
      scope.chrome.storage.onChanged.addListener(listener);
    });
  }, { name, keys: profileIds.map(credentialsKey), timeoutMs });
  return () => control.evaluate((name) => (globalThis as PageScope)[name] as Promise<number>, name);
}

/** An action timed inside the page, in the browser's wall-clock time (epoch ms). */
export interface TimedReply {
  sentAt: number;
  answeredAt: number;
  reply: RawReply;
}

/** Sends an action and notes, inside the page, when it left and when the answer came. */
export async function timedAction(control: Page, action: string, payload: Record<string, unknown>): Promise<TimedReply> {
  const timed = control.evaluate(async ({ action, payload }) => {
    const now = () => performance.timeOrigin + performance.now();
    const sentAt = now();
    const reply = await (globalThis as PageScope).chrome.runtime.sendMessage({ action, payload }) as RawReply;
    return { sentAt, answeredAt: now(), reply };
  }, { action, payload });
  return withTimeout(timed, actionTimeoutMs, `answer to ${action}`);
}
