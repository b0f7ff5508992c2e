import fc from 'fast-check';
import { encodeFrame, FrameDecoder, FrameError, FrameErrorCodes, MAX_MESSAGE_BYTES } from '../../../src/terminal';

const encoder = new TextEncoder();

/** A frame with the given length prefix and raw body, valid or not. */
function rawFrame(length: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, length, true);
  frame.set(body, 4);
  return frame;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

describe('encodeFrame', () => {
  it('writes a little-endian length then UTF-8 JSON', () => {
    const frame = encodeFrame({ a: 'é' });
    expect([...frame.subarray(0, 4)]).toEqual([10, 0, 0, 0]);
    expect(new TextDecoder().decode(frame.subarray(4))).toBe('{"a":"é"}');
  });

  it('refuses a message over 1 MB', () => {
    expect(() => encodeFrame('x'.repeat(MAX_MESSAGE_BYTES))).toThrow(expect.objectContaining({ code: FrameErrorCodes.tooLarge }));
  });

  it('accepts a message of exactly 1 MB', () => {
    expect(encodeFrame('x'.repeat(MAX_MESSAGE_BYTES - 2)).length).toBe(4 + MAX_MESSAGE_BYTES);
  });

  it('refuses a value without JSON form', () => {
    expect(() => encodeFrame(undefined)).toThrow(FrameError);
  });
});

describe('FrameDecoder', () => {
  it('reads frames split at every byte', () => {
    const bytes = concat(encodeFrame({ one: 1 }), encodeFrame(['two']));
    const decoder = new FrameDecoder();
    const frames = [...bytes].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(frames).toEqual([{ ok: true, message: { one: 1 } }, { ok: true, message: ['two'] }]);
    expect(decoder.pending).toBe(false);
  });

  it('reads several frames from one chunk and keeps the start of the next', () => {
    const next = encodeFrame('third');
    const decoder = new FrameDecoder();
    expect(decoder.push(concat(encodeFrame(1), encodeFrame(2), next.subarray(0, 6)))).toEqual([{ ok: true, message: 1 }, { ok: true, message: 2 }]);
    expect(decoder.pending).toBe(true);
    expect(decoder.push(next.subarray(6))).toEqual([{ ok: true, message: 'third' }]);
  });

  it('reports malformed JSON and goes on with the next frame', () => {
    const decoder = new FrameDecoder();
    const bad = encoder.encode('{"a":');
    const frames = decoder.push(concat(rawFrame(bad.length, bad), encodeFrame({ fine: true })));
    expect(frames[0]).toEqual({ ok: false, error: expect.objectContaining({ code: FrameErrorCodes.invalidJson, fatal: false }) });
    expect(frames[1]).toEqual({ ok: true, message: { fine: true } });
    expect(decoder.failed).toBe(false);
  });

  it('reports an empty body and invalid UTF-8 without failing', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(concat(rawFrame(0), rawFrame(2, Uint8Array.of(0xc3, 0x28))));
    expect(frames.map((frame) => !frame.ok && frame.error.code)).toEqual([FrameErrorCodes.invalidJson, FrameErrorCodes.invalidUtf8]);
  });

  it('fails on a length over 1 MB before reading the body, once, and ignores the rest', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(concat(rawFrame(MAX_MESSAGE_BYTES + 1), encodeFrame('after')));
    expect(frames).toEqual([{ ok: false, error: expect.objectContaining({ code: FrameErrorCodes.tooLarge, fatal: true }) }]);
    expect(decoder.failed).toBe(true);
    expect(decoder.push(encodeFrame('later'))).toEqual([]);
  });

  it('fails on a huge length (0xFFFFFFFF) without allocating it', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push(Uint8Array.of(0xff, 0xff, 0xff, 0xff))[0]).toEqual({ ok: false, error: expect.objectContaining({ fatal: true }) });
  });

  it('round-trips any JSON value, however the bytes are split', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }), (values, cuts) => {
        const bytes = concat(...values.map((value) => encodeFrame(value)));
        const decoder = new FrameDecoder();
        const frames = [];
        let offset = 0;
        for (let index = 0; offset < bytes.length; index += 1) {
          const size = cuts[index % cuts.length] ?? 1;
          frames.push(...decoder.push(bytes.subarray(offset, offset + size)));
          offset += size;
        }
        // JSON has no -0: it reads back as 0.
        expect(frames).toEqual(values.map((value) => ({ ok: true, message: JSON.parse(JSON.stringify(value)) })));
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 10 }), (chunks) => {
        const decoder = new FrameDecoder(64);
        for (const chunk of chunks) for (const frame of decoder.push(chunk)) expect(typeof frame.ok).toBe('boolean');
      }),
    );
  });
});
