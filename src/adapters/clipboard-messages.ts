/**
 * What the background asks of the offscreen clipboard document. These messages stay between the
 * two; pages never send them, and the document ignores everything else.
 */

/** Marks messages meant for the offscreen clipboard document. */
export const clipboardTarget = 'offscreen-clipboard';

/** Write `text` now (unless undefined) and clear the clipboard after `clearAfterSeconds` unless 0. */
export interface ClipboardRequest {
  target: typeof clipboardTarget;
  text?: string;
  clearAfterSeconds: number;
}

/** The document's answer. */
export interface ClipboardReply {
  ok: boolean;
}

/** True for a well-formed {@link ClipboardRequest}. */
export function isClipboardRequest(message: unknown): message is ClipboardRequest {
  const candidate = message as Partial<ClipboardRequest> | undefined;
  return candidate?.target === clipboardTarget
    && (candidate.text === undefined || typeof candidate.text === 'string')
    && typeof candidate.clearAfterSeconds === 'number';
}
