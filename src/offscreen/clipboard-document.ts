/**
 * Runs inside the offscreen clipboard document. An offscreen document never has focus, so the
 * async Clipboard API refuses it; `execCommand('copy')` with the `clipboardWrite` permission
 * still works there, and a copy handler sets exactly the text given, empty included.
 */
import { browser } from '../adapters/browser-api';
import type { Runtime } from 'webextension-polyfill';
import type { ClipboardReply } from '../adapters/clipboard-messages';
import { isClipboardRequest } from '../adapters/clipboard-messages';

function copy(text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/**
 * True only for the extension's own background: a content script under our id, or a page, must
 * not put text of its choosing on the clipboard of someone who pastes into a terminal.
 */
function isOwnBackground(sender: Runtime.MessageSender): boolean {
  // manifest.json's `background.service_worker`; an offscreen document has runtime's messaging
  // API only (no getManifest), so the name is written here.
  return sender.id === browser.runtime.id && sender.url === browser.runtime.getURL('background.js');
}

/** Answers the background's clipboard requests; one clearing timer at a time, the latest wins. */
export function serveClipboard(): void {
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<ClipboardReply> | undefined => {
    // Anything else (the pages' actions) is for the background to answer, or to refuse.
    if (!isClipboardRequest(message) || !isOwnBackground(sender)) return undefined;
    const ok = message.text === undefined || copy(message.text);
    clearTimeout(clearTimer);
    if (ok && message.clearAfterSeconds > 0) {
      clearTimer = setTimeout(() => copy(''), message.clearAfterSeconds * 1000);
    }
    return Promise.resolve({ ok });
  });
}
