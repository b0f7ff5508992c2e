/**
 * The native messaging framing, used on the native port and on the `wic` socket alike: each
 * message is a 32-bit length in native byte order (little-endian on every platform Chrome and
 * Firefox support), then that many bytes of UTF-8 JSON. Browser-safe: Uint8Array, DataView and
 * TextEncoder only, so the extension can bundle it.
 * @see https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
 * @see https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Native_messaging#app_side
 */
import { MAX_MESSAGE_BYTES } from './limits';

/** Bytes of the length prefix. */
export const FRAME_HEADER_BYTES = 4;

/** Why a frame could not be encoded or decoded. */
export const FrameErrorCodes = {
  /** The length prefix (or the message to encode) exceeds {@link MAX_MESSAGE_BYTES}. */
  tooLarge: 'frame-too-large',
  /** The body is not UTF-8. */
  invalidUtf8: 'frame-invalid-utf8',
  /** The body is not JSON, or the value to encode has no JSON form. */
  invalidJson: 'frame-invalid-json',
} as const;

export type FrameErrorCode = (typeof FrameErrorCodes)[keyof typeof FrameErrorCodes];

/**
 * A framing error. `fatal` ones (a bad length) leave the stream at an unknown position, so the
 * reader must stop and close it; after the others the next frame is read normally.
 */
export class FrameError extends Error {
  readonly code: FrameErrorCode;
  readonly fatal: boolean;

  constructor(code: FrameErrorCode, message: string, fatal: boolean) {
    super(message);
    this.name = 'FrameError';
    this.code = code;
    this.fatal = fatal;
  }
}

const encoder = new TextEncoder();

/** One frame holding `message` as JSON; throws a {@link FrameError} over 1 MB or without JSON form. */
export function encodeFrame(message: unknown): Uint8Array {
  const json = JSON.stringify(message) as string | undefined;
  if (json === undefined) throw new FrameError(FrameErrorCodes.invalidJson, 'The message has no JSON form.', false);
  const body = encoder.encode(json);
  if (body.length > MAX_MESSAGE_BYTES) throw new FrameError(FrameErrorCodes.tooLarge, `The message is ${body.length} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit.`, false);
  const frame = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  new DataView(frame.buffer).setUint32(0, body.length, true);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}

/** One decoded frame: its JSON value, or why it could not be read. */
export type DecodedFrame = { ok: true; message: unknown } | { ok: false; error: FrameError };

/**
 * Reads frames from a byte stream that arrives in chunks of any size: a chunk may hold part of a
 * length prefix, several frames, or a frame's end and the next one's start. Never throws: bad
 * frames come back as errors. A length over {@link MAX_MESSAGE_BYTES} is fatal: the decoder
 * reports it once, then ignores everything after it (see {@link FrameDecoder.failed}).
 */
export class FrameDecoder {
  readonly #header = new Uint8Array(FRAME_HEADER_BYTES);
  #headerFilled = 0;
  #body: Uint8Array | undefined;
  #bodyFilled = 0;
  #failed = false;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  readonly #maxBytes: number;

  constructor(maxBytes: number = MAX_MESSAGE_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** True after a fatal error: the stream should be closed. */
  get failed(): boolean {
    return this.#failed;
  }

  /** True while part of a frame has arrived and the rest has not. */
  get pending(): boolean {
    return this.#headerFilled > 0 || this.#body !== undefined;
  }

  /** Every frame completed by `chunk`, in order. */
  push(chunk: Uint8Array): DecodedFrame[] {
    const frames: DecodedFrame[] = [];
    let offset = 0;
    while (!this.#failed && offset < chunk.length) {
      if (this.#body === undefined) {
        const take = Math.min(FRAME_HEADER_BYTES - this.#headerFilled, chunk.length - offset);
        this.#header.set(chunk.subarray(offset, offset + take), this.#headerFilled);
        this.#headerFilled += take;
        offset += take;
        if (this.#headerFilled < FRAME_HEADER_BYTES) break;
        const length = new DataView(this.#header.buffer).getUint32(0, true);
        this.#headerFilled = 0;
        if (length > this.#maxBytes) {
          this.#failed = true;
          frames.push({ ok: false, error: new FrameError(FrameErrorCodes.tooLarge, `A message of ${length} bytes exceeds the ${this.#maxBytes}-byte limit.`, true) });
          break;
        }
        this.#body = new Uint8Array(length);
        this.#bodyFilled = 0;
      }
      const take = Math.min(this.#body.length - this.#bodyFilled, chunk.length - offset);
      this.#body.set(chunk.subarray(offset, offset + take), this.#bodyFilled);
      this.#bodyFilled += take;
      offset += take;
      if (this.#bodyFilled === this.#body.length) {
        frames.push(this.#decode(this.#body));
        this.#body = undefined;
      }
    }
    return frames;
  }

  #decode(body: Uint8Array): DecodedFrame {
    let text: string;
    try {
      text = this.#decoder.decode(body);
    } catch {
      return { ok: false, error: new FrameError(FrameErrorCodes.invalidUtf8, 'The message is not valid UTF-8.', false) };
    }
    try {
      return { ok: true, message: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, error: new FrameError(FrameErrorCodes.invalidJson, 'The message is not valid JSON.', false) };
    }
  }
}
