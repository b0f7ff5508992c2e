/**
 * The service worker: how soon a stopped worker answers a page, and how much JS heap it holds.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Environment } from '../e2e/support/harness';
import { withTimeout } from './control-page';

/**
 * Round trip of a `ping` from the control page, in ms, timed inside the page: with `cold`, the
 * worker is stopped first (as Chromium stops an idle one), so the figure is its start-up to the
 * moment it answers.
 */
export async function timePing(env: Environment, control: Page, cold: boolean): Promise<number> {
  if (cold) await env.stopServiceWorker();
  const roundTrip = control.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage({ action: 'ping', payload: {} }) as { ok?: boolean; error?: { code?: string } } | undefined;
    // A build from before `ping` answers too, with UNKNOWN_MESSAGE: the same round trip.
    if (!reply?.ok && reply?.error?.code !== 'UNKNOWN_MESSAGE') throw new Error(`ping failed: ${JSON.stringify(reply)}`);
    return performance.now() - started;
  });
  return withTimeout(roundTrip, 60_000, 'answer to ping');
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Talks CDP to the extension's service worker. Playwright opens CDP sessions on pages only, so
 * this attaches through the browser session and relays messages (Target.sendMessageToTarget).
 */
export async function openWorkerSession(env: Environment): Promise<{ send(method: string, params?: object): Promise<Record<string, unknown>>; close(): Promise<void> }> {
  const browser = env.context.browser();
  if (!browser) throw new Error('no browser to open a CDP session on');
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets') as { targetInfos: TargetInfo[] };
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url === `${env.extensionOrigin}/background.js`);
  if (!worker) throw new Error('the extension service worker is not running');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false }) as { sessionId: string };
  const pending = new Map<number, { resolve(value: Record<string, unknown>): void; reject(error: Error): void }>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result ?? {});
  });
  let nextId = 0;
  return {
    send: (method, params = {}) => withTimeout(new Promise((resolve, reject) => {
      nextId += 1;
      pending.set(nextId, { resolve, reject });
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId, method, params }) }).catch(reject);
    }), 60_000, `answer to ${method} from the worker`),
    close: async () => {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await session.detach();
    },
  };
}

/** The worker's live JS heap after a full garbage collection, in bytes. */
export async function workerHeapUsed(env: Environment): Promise<number> {
  const worker = await openWorkerSession(env);
  try {
    await worker.send('HeapProfiler.collectGarbage');
    const usage = await worker.send('Runtime.getHeapUsage');
    if (typeof usage.usedSize !== 'number') throw new Error(`unexpected heap usage answer ${JSON.stringify(usage)}`);
    return usage.usedSize;
  } finally {
    await worker.close();
  }
}
