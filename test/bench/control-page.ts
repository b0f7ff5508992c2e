/**
 * An extension page the benchmark drives from outside: it sends the typed messages of
 * src/messages.ts as raw envelopes (so a build without an action answers UNKNOWN_MESSAGE instead
 * of failing to compile) and watches storage.session as the popup does.
 */
import type { Page } from 'playwright-core';
import type { Environment } from '../e2e/harness';
import { credentialsKey } from '../../src/state/keys';

interface StorageChange {
  newValue?: unknown;
}
type ChangeListener = (changes: Record<string, StorageChange>, area: string) => void;
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void } };
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

/** Sends an action and returns the reply envelope as it came. */
export async function sendAction(control: Page, action: string, payload: Record<string, unknown>): Promise<RawReply> {
  return control.evaluate(
    ({ action, payload }) => (globalThis as PageScope).chrome.runtime.sendMessage({ action, payload }) as Promise<RawReply>,
    { action, payload },
  );
}

/** Sends an action and returns its value, or throws with the background's error. */
export async function perform(control: Page, action: string, payload: Record<string, unknown>): Promise<unknown> {
  const reply = await sendAction(control, action, payload);
  if (!reply?.ok) throw new Error(`${action} failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

let watches = 0;

/**
 * Starts watching for new credentials of every given profile. Call it before the action that
 * stores them; the returned function resolves with the browser's wall-clock time (epoch ms)
 * at which the page saw the last of them arrive.
 */
export async function watchCredentials(control: Page, profileIds: readonly string[]): Promise<() => Promise<number>> {
  const name = `wicBenchWatch${(watches += 1)}`;
  await control.evaluate(({ name, keys }) => {
    const scope = globalThis as PageScope;
    const pending = new Set(keys);
    scope[name] = new Promise<number>((resolve) => {
      const listener: ChangeListener = (changes, area) => {
        if (area !== 'session') return;
        for (const [key, change] of Object.entries(changes)) if (change.newValue !== undefined) pending.delete(key);
        if (pending.size > 0) return;
        scope.chrome.storage.onChanged.removeListener(listener);
        resolve(performance.timeOrigin + performance.now());
      };
      scope.chrome.storage.onChanged.addListener(listener);
    });
  }, { name, keys: profileIds.map(credentialsKey) });
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
  return control.evaluate(async ({ action, payload }) => {
    const now = () => performance.timeOrigin + performance.now();
    const sentAt = now();
    const reply = await (globalThis as PageScope).chrome.runtime.sendMessage({ action, payload }) as RawReply;
    return { sentAt, answeredAt: now(), reply };
  }, { action, payload });
}
