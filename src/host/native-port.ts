/**
 * The native messaging port as the host sees it: frames from the browser on stdin, frames to it
 * on stdout. stdout carries nothing else (a stray byte would corrupt the stream), so every log
 * line goes to stderr, which the browser writes to its own stderr; logs never hold secrets.
 */
import type { Readable, Writable } from 'node:stream';
import type { HostToExtension } from '../terminal';
import { encodeFrame, FrameDecoder } from '../terminal';

export interface NativePortHandlers {
  /** A decoded JSON message, not yet validated. */
  message(value: unknown): void;
  log(line: string): void;
  /** The port is gone: stdin ended, stdout broke, or the stream cannot be read on. */
  end(): void;
}

/** Reads `input` and returns how to post on `output`. */
export function openNativePort(input: Readable, output: Writable, handlers: NativePortHandlers): { post(message: HostToExtension): void } {
  const decoder = new FrameDecoder();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    handlers.end();
  };
  input.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      if (frame.ok) handlers.message(frame.message);
      else handlers.log(`bad frame from the browser: ${frame.error.message}`);
    }
    if (decoder.failed) end();
  });
  input.on('end', end);
  input.on('close', end);
  input.on('error', end);
  output.on('error', end);
  return {
    post(message) {
      if (ended) throw new Error('the native port is closed');
      output.write(encodeFrame(message));
    },
  };
}
