/**
 * The clipboard from the background. A Manifest V3 service worker has no clipboard, so it asks a
 * hidden offscreen document (reason CLIPBOARD) to write for it; the same document keeps the timer
 * that clears the clipboard later, since the worker may be stopped at any moment.
 * @see https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
import { browser } from './browser-api';
import { ErrorCodes, ExtensionError } from '../errors';
import type { ClipboardReply, ClipboardRequest } from './clipboard-messages';
import { clipboardTarget } from './clipboard-messages';

const documentPath = 'offscreen.html';

/** The parts of Chromium's API used here; the polyfill's types know neither offscreen documents nor their context type. */
interface ChromiumOffscreen {
  offscreen?: { createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void> };
  runtime: { getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]> };
}

let creating: Promise<void> | undefined;

async function ensureDocument(): Promise<void> {
  const chromium = (globalThis as unknown as { chrome?: ChromiumOffscreen }).chrome;
  const api = chromium?.offscreen;
  if (!api) throw new ExtensionError(ErrorCodes.clipboardFailed, 'This browser cannot copy from the background.', { hint: 'Copy from the popup instead.' });
  const open = await chromium.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [browser.runtime.getURL(documentPath)] });
  if (open.length > 0) return;
  // Two copies in quick succession must not both create the document: the second would fail.
  creating ??= api
    .createDocument({ url: documentPath, reasons: ['CLIPBOARD'], justification: 'Copy credentials for the keyboard shortcut and clear the clipboard later' })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

async function send(request: Omit<ClipboardRequest, 'target'>): Promise<void> {
  await ensureDocument();
  const reply = (await browser.runtime.sendMessage({ target: clipboardTarget, ...request })) as ClipboardReply | undefined;
  if (!reply?.ok) {
    throw new ExtensionError(ErrorCodes.clipboardFailed, 'The browser did not let the extension use the clipboard.', { hint: 'Copy from the popup instead.' });
  }
}

/** Puts text on the clipboard; clears it after `clearAfterSeconds` unless that is 0. */
export async function writeClipboard(text: string, clearAfterSeconds: number): Promise<void> {
  await send({ text, clearAfterSeconds });
}

/** Clears the clipboard after the given seconds (what the popup just copied, or whatever is there then). */
export async function clearClipboardLater(afterSeconds: number): Promise<void> {
  await send({ clearAfterSeconds: afterSeconds });
}
