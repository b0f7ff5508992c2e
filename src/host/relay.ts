/**
 * The host's core: passes each client request to the extension under a fresh id and settles it
 * with the matching answer, a deadline, or the port's end. Requests are independent: a slow one
 * (waiting for the user to sign in) never holds up another. Pure: the port is a `post` function.
 */
import type { HelloMessage, HostToExtension, StatusResult, TerminalAction, TerminalRequest, TerminalResponse } from '../terminal';
import {
  ANSWER_TIMEOUT_MS, parseExtensionResponse, parseExtensionToHost, TerminalError, TerminalErrorCodes, WAIT_ANSWER_TIMEOUT_MS,
} from '../terminal';

export interface RelayOptions {
  /** Sends a message to the extension (the native port). */
  post(message: HostToExtension): void;
  /** Reports a problem on the native port; never given secrets. */
  log(line: string): void;
  answerTimeoutMs?: number;
  waitTimeoutMs?: number;
}

interface Pending {
  action: TerminalAction;
  settle(response: TerminalResponse): void;
  timer: ReturnType<typeof setTimeout>;
}

function unavailable(message: string): TerminalResponse {
  return { ok: false, error: { code: TerminalErrorCodes.extensionUnavailable, message } };
}

const NOT_CONNECTED = 'The browser extension is not connected: open the browser with Web Identity Credentials and try again.';

export class Relay {
  readonly #options: RelayOptions;
  readonly #pending = new Map<string, Pending>();
  #hello: HelloMessage | undefined;
  #closed = false;
  #next = 0;

  constructor(options: RelayOptions) {
    this.#options = options;
  }

  /** The extension's hello, once it has arrived. */
  get hello(): HelloMessage | undefined {
    return this.#hello;
  }

  /** How many requests await an answer. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /**
   * Handles one message from the extension; returns the hello if this was it. Malformed
   * messages are logged by field name and dropped (the request they meant to answer times out,
   * or fails now if its id is readable).
   */
  receive(value: unknown): HelloMessage | undefined {
    let message;
    try {
      message = parseExtensionToHost(value);
    } catch (error) {
      this.#options.log(`ignored a malformed message from the extension: ${(error as Error).message}`);
      return undefined;
    }
    if (message.type === 'hello') {
      if (this.#hello) {
        this.#options.log('ignored a second hello from the extension');
        return undefined;
      }
      this.#hello = message;
      return message;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return undefined;
    try {
      pending.settle(parseExtensionResponse(pending.action, message.response));
    } catch (error) {
      const field = error instanceof TerminalError ? error.field : undefined;
      this.#options.log(`the extension's answer was malformed at ${field ?? 'an unknown field'}`);
      pending.settle(unavailable(`The extension's answer could not be read (${field ?? 'malformed'}): update wic and the extension to matching versions.`));
    }
    return undefined;
  }

  /** Relays `request` to the extension; always resolves, with an error response if need be. */
  request(request: TerminalRequest): Promise<TerminalResponse> {
    const hello = this.#hello;
    if (this.#closed || !hello) return Promise.resolve(unavailable(NOT_CONNECTED));
    const id = `h${(this.#next += 1)}`;
    const wait = request.action !== 'status' && request.wait;
    const timeoutMs = wait ? (this.#options.waitTimeoutMs ?? WAIT_ANSWER_TIMEOUT_MS) : (this.#options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS);
    return new Promise<TerminalResponse>((resolve) => {
      const settle = (response: TerminalResponse): void => {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(response.ok && request.action === 'status' ? { ok: true, result: this.#status(response.result, hello) } : response);
      };
      const timer = setTimeout(() => {
        settle(unavailable(`The browser extension did not answer within ${Math.round(timeoutMs / 1000)} s: look for a prompt in the browser, then try again.`));
      }, timeoutMs);
      this.#pending.set(id, { action: request.action, settle, timer });
      try {
        this.#options.post({ type: 'request', id, request });
      } catch (error) {
        this.#options.log(`could not write to the extension: ${(error as Error).message}`);
        settle(unavailable(NOT_CONNECTED));
      }
    });
  }

  /** The port has closed: every waiting request fails at once, and so does every later one. */
  close(): void {
    this.#closed = true;
    for (const pending of [...this.#pending.values()]) pending.settle(unavailable(NOT_CONNECTED));
  }

  #status(result: unknown, hello: HelloMessage): StatusResult {
    return { ...(result as Omit<StatusResult, 'browserProfile' | 'extensionVersion'>), browserProfile: hello.profileKey, extensionVersion: hello.extensionVersion };
  }
}
