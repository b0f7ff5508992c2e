/**
 * The extension's end of the native messaging port to `wic`'s host: opens it, says hello,
 * answers each request under its id, and opens it again with backoff when it drops. The browser
 * is reached only through {@link NativeConnector} and the timer functions, so tests drive it
 * with fakes. Malformed messages from the host get a `bad-request` answer when they carry an id
 * and are dropped otherwise; nothing the host sends can throw out of here.
 */
import { TerminalError, TerminalErrorCodes } from '../terminal/error-codes';
import type { HelloMessage, TerminalRequest, TerminalResponse } from '../terminal/messages';
import { frameIdOf, parseHostToExtension } from '../terminal/validate';
import type { TerminalConnection } from '../storage/records';
import { reconnectDelayMs } from './connection-plan';

/** An open native port. */
export interface NativeLink {
  post(message: unknown): void;
  close(): void;
}

/** Opens the port; `onDisconnect` gets the browser's reason (host not found, host exited). */
export type NativeConnector = (handlers: { onMessage(message: unknown): void; onDisconnect(reason: string | undefined): void }) => NativeLink;

/** What the link needs. */
export interface TerminalLinkDeps {
  connect: NativeConnector;
  hello(): Promise<HelloMessage>;
  handle(request: TerminalRequest): Promise<TerminalResponse>;
  /** Stores the port's state for the options page. */
  report(connection: TerminalConnection): Promise<void>;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  now(): number;
}

/** A port that lived this long counts as having worked: the next drop retries at once. */
const STABLE_MS = 10_000;

/** Creates the link, closed; {@link open} it when terminal access is on. */
export function createTerminalLink(deps: TerminalLinkDeps) {
  let link: NativeLink | undefined;
  let wanted = false;
  let attempt = 0;
  let timer: unknown;
  let openedAt = 0;

  const report = (state: TerminalConnection['state'], message?: string) =>
    void deps.report({ state, at: deps.now(), ...(message ? { message } : {}) }).catch(() => undefined);

  function post(message: unknown): void {
    try {
      link?.post(message);
    } catch {
      // The port closed meanwhile; onDisconnect reconnects and the host has already failed the request.
    }
  }

  async function answer(current: NativeLink, raw: unknown): Promise<void> {
    let id: string | null;
    let response: TerminalResponse;
    try {
      const message = parseHostToExtension(raw);
      id = message.id;
      response = await deps.handle(message.request);
    } catch (error) {
      id = frameIdOf(raw);
      const known = error instanceof TerminalError ? error : new TerminalError(TerminalErrorCodes.badRequest, 'The extension could not read the request.');
      response = { ok: false, error: known.body };
    }
    if (id !== null && link === current) post({ type: 'response', id, response });
  }

  function connect(): void {
    timer = undefined;
    if (!wanted || link) return;
    openedAt = deps.now();
    let current: NativeLink | undefined;
    try {
      current = deps.connect({
        onMessage: (message) => void answer(current as NativeLink, message),
        onDisconnect: (reason) => {
          if (link !== current) return;
          link = undefined;
          if (!wanted) return;
          if (deps.now() - openedAt >= STABLE_MS) attempt = 0;
          const delay = reconnectDelayMs(attempt);
          attempt += 1;
          report('connecting', reason ?? 'The native messaging host closed the port.');
          timer = deps.setTimer(connect, delay);
        },
      });
    } catch (error) {
      report('connecting', error instanceof Error ? error.message : String(error));
      timer = deps.setTimer(connect, reconnectDelayMs(attempt++));
      return;
    }
    link = current;
    report('connected');
    void deps.hello().then((hello) => { if (link === current) post(hello); }, () => current?.close());
  }

  return {
    /** Keeps the port open from now on; does nothing when it already is. */
    open(): void {
      wanted = true;
      if (!link && timer === undefined) connect();
    },
    /** Closes the port and stops reconnecting. */
    close(): void {
      wanted = false;
      if (timer !== undefined) deps.clearTimer(timer);
      timer = undefined;
      const current = link;
      link = undefined;
      current?.close();
    },
    /** Whether a port is open now. */
    get connected(): boolean {
      return link !== undefined;
    },
  };
}

/** The link's interface. */
export type TerminalLink = ReturnType<typeof createTerminalLink>;
