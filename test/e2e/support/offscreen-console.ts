/**
 * The console of the extension's offscreen clipboard document, which Playwright does not surface
 * (Chromium lists it as a `background_page` target, and Playwright follows only pages and service
 * workers). A CDP session of any page attaches to it without flattening and speaks to it through
 * `Target.sendMessageToTarget`.
 *
 * ```ts
 * await logInOffscreenDocument(page, 'canary');          // as code of the document would log
 * const lines = await readOffscreenConsole(page);       // everything it logged so far
 * ```
 */
import type { CDPSession, Page } from 'playwright-core';

interface TargetMessage {
  id?: number;
  method?: string;
  params?: { args?: Array<{ value?: unknown; description?: string }>; exceptionDetails?: { text?: string; exception?: { description?: string } } };
}

/** Runs `use` with a fresh session on the offscreen document; `undefined` when none is open. */
async function withOffscreenDocument<T>(page: Page, use: (send: (method: string, params?: object) => Promise<void>, messages: TargetMessage[]) => Promise<T>): Promise<T | undefined> {
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'background_page' && new URL(info.url).pathname === '/offscreen.html');
    if (!target) return undefined;
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const messages: TargetMessage[] = [];
    const waiting = new Map<number, () => void>();
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as TargetMessage;
      messages.push(message);
      if (message.id !== undefined) waiting.get(message.id)?.();
    });
    let nextId = 0;
    // Resolves on the document's answer, which comes after every event the command caused.
    const send = async (method: string, params: object = {}) => {
      const id = ++nextId;
      const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      await answered;
    };
    try {
      return await use(send, messages);
    } finally {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Logs `text` from inside the offscreen document; false when none is open. */
export async function logInOffscreenDocument(page: Page, text: string): Promise<boolean> {
  const logged = await withOffscreenDocument(page, async (send) => {
    await send('Runtime.evaluate', { expression: `console.log(${JSON.stringify(text)})` });
    return true;
  });
  return logged ?? false;
}

/**
 * Every console message and uncaught error of the offscreen document since it opened: enabling
 * the Runtime domain replays what was logged before anyone listened, before it answers.
 * `undefined` when no offscreen document is open.
 */
export async function readOffscreenConsole(page: Page): Promise<string[] | undefined> {
  return withOffscreenDocument(page, async (send, messages) => {
    await send('Runtime.enable');
    return messages.flatMap(({ method, params }) => {
      if (method === 'Runtime.consoleAPICalled') return [(params?.args ?? []).map((arg) => String(arg.value ?? arg.description ?? '')).join(' ')];
      if (method === 'Runtime.exceptionThrown') return [`${params?.exceptionDetails?.text ?? ''} ${params?.exceptionDetails?.exception?.description ?? ''}`];
      return [];
    });
  });
}
