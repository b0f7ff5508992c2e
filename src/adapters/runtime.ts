/**
 * Messaging between the extension's pages and the background.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser-api';
import { ErrorCodes } from '../errors';
import { dispatchMessage } from '../messages';
import type { Action, Handlers, Message, MessageMap, Reply } from '../messages';
import { sendMessage } from '../messages';

/**
 * True only for the extension's own pages. Content scripts (whose url is the web page's) and
 * other extensions (another id) never get an answer.
 */
export function isOwnPage(sender: Runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** The `runtime.onMessage` listener that answers the extension's own pages with `handlers`. */
export function messageListener(handlers: Handlers) {
  // Answers through sendResponse (`true` keeps the channel open until then), which Chromium and
  // Firefox both honour; a returned promise is a reply only in Firefox and recent Chromium.
  return (message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: Reply<Action>) => void): true => {
    if (!isOwnPage(sender)) {
      sendResponse({ ok: false, error: { code: ErrorCodes.forbiddenSender, message: 'Not accepted from this sender.' } });
      return true;
    }
    void dispatchMessage(handlers, message).then(sendResponse);
    return true;
  };
}

/** Asks the background to perform an action. */
export function request<A extends Action>(action: A, payload: MessageMap[A]['request']): Promise<MessageMap[A]['response']> {
  return sendMessage((message: Message) => browser.runtime.sendMessage(message), action, payload);
}
