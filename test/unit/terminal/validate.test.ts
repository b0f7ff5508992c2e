import fc from 'fast-check';
import { GECKO_ID } from '../../../build/browser-manifest';
import {
  ENV_FORMATS, GECKO_EXTENSION_ID, parseClientFrame, parseExtensionResponse, parseExtensionToHost, parseHostReply,
  parseHostToExtension, parseTerminalRequest, TerminalErrorCodes,
} from '../../../src/terminal';
import { credentialsResult } from './fake-extension';

function badRequest(field: string, message?: string) {
  return expect.objectContaining({ code: TerminalErrorCodes.badRequest, field, ...(message ? { message } : {}) });
}

describe('parseTerminalRequest', () => {
  it('reads a credentials request, wait defaulting to false', () => {
    expect(parseTerminalRequest({ action: 'credentials', profileId: 'dev', minValidSeconds: 900, command: 'wic credential-process' }))
      .toEqual({ action: 'credentials', profileId: 'dev', minValidSeconds: 900, wait: false, command: 'wic credential-process' });
  });

  it('fills in the env defaults', () => {
    expect(parseTerminalRequest({ action: 'env', profileId: 'dev', format: 'fish' }))
      .toEqual({ action: 'env', profileId: 'dev', format: 'fish', minValidSeconds: 0, wait: false, command: 'wic env' });
  });

  it('reads status with nothing else', () => {
    expect(parseTerminalRequest({ action: 'status', extra: 1 })).toEqual({ action: 'status' });
  });

  it.each([
    [{ action: 'delete' }, 'request.action', '"request.action" must be one of "credentials", "env", "status"'],
    [{ action: 'toString' }, 'request.action', undefined],
    [[], 'request', '"request" must be an object'],
    [{ action: 'credentials', profileId: 7, minValidSeconds: 0, command: 'x' }, 'request.profileId', '"request.profileId" must be a string'],
    [{ action: 'credentials', profileId: '../etc', minValidSeconds: 0, command: 'x' }, 'request.profileId', undefined],
    [{ action: 'credentials', profileId: 'dev', minValidSeconds: '900', command: 'x' }, 'request.minValidSeconds', '"request.minValidSeconds" must be a whole number from 0 to 43200'],
    [{ action: 'credentials', profileId: 'dev', minValidSeconds: 1.5, command: 'x' }, 'request.minValidSeconds', undefined],
    [{ action: 'credentials', profileId: 'dev', minValidSeconds: 0, command: 'x', wait: 'yes' }, 'request.wait', '"request.wait" must be true or false'],
    [{ action: 'credentials', profileId: 'dev', minValidSeconds: 0 }, 'request.command', undefined],
    [{ action: 'env', profileId: 'dev', format: 'credentials-file' }, 'request.format', undefined],
  ])('rejects %j naming %s', (value, field, message) => {
    expect(() => parseTerminalRequest(value)).toThrow(badRequest(field, message));
  });

  it('accepts every env format', () => {
    for (const format of ENV_FORMATS) expect(parseTerminalRequest({ action: 'env', profileId: 'p', format })).toMatchObject({ format });
  });

  it('round-trips every valid request through JSON', () => {
    const request = fc.oneof(
      fc.record({ action: fc.constant('credentials' as const), profileId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/), minValidSeconds: fc.integer({ min: 0, max: 43200 }), wait: fc.boolean(), command: fc.string({ minLength: 1, maxLength: 1024 }) }),
      fc.record({ action: fc.constant('env' as const), profileId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/), format: fc.constantFrom(...ENV_FORMATS), minValidSeconds: fc.integer({ min: 0, max: 43200 }), wait: fc.boolean(), command: fc.string({ minLength: 1, maxLength: 1024 }) }),
      fc.constant({ action: 'status' as const }),
    );
    fc.assert(fc.property(request, (value) => {
      expect(parseTerminalRequest(JSON.parse(JSON.stringify(value)))).toEqual(value);
    }));
  });
});

describe('the frames', () => {
  it('reads a client frame and names a bad id', () => {
    expect(parseClientFrame({ id: '1', request: { action: 'status' } })).toEqual({ id: '1', request: { action: 'status' } });
    expect(() => parseClientFrame({ id: '', request: { action: 'status' } })).toThrow(badRequest('frame.id'));
    expect(() => parseClientFrame({ id: 'x', request: { action: 'nope' } })).toThrow(badRequest('frame.request.action'));
  });

  it('reads the extension hello and refuses another protocol', () => {
    expect(parseExtensionToHost({ type: 'hello', protocol: 1, profileKey: 'work', extensionVersion: '0.1.0' })).toEqual({ type: 'hello', protocol: 1, profileKey: 'work', extensionVersion: '0.1.0' });
    expect(() => parseExtensionToHost({ type: 'hello', protocol: 2, profileKey: 'work', extensionVersion: '' })).toThrow(badRequest('message.protocol'));
    expect(() => parseExtensionToHost({ type: 'hello', protocol: 1, profileKey: '../x', extensionVersion: '' })).toThrow(badRequest('message.profileKey'));
    expect(() => parseExtensionToHost({ type: 'goodbye' })).toThrow(badRequest('message.type'));
  });

  it('reads what the host sends the extension', () => {
    expect(parseHostToExtension({ type: 'request', id: 'h1', request: { action: 'status' } })).toEqual({ type: 'request', id: 'h1', request: { action: 'status' } });
    expect(() => parseHostToExtension({ type: 'request', id: 'h1', request: { action: 'credentials' } })).toThrow(badRequest('message.request.profileId'));
  });
});

describe('responses', () => {
  it('checks credentials results field by field', () => {
    const result = credentialsResult('dev');
    expect(parseExtensionResponse('credentials', { ok: true, result })).toEqual({ ok: true, result });
    const noRegion: Partial<typeof result.credentials> = { ...result.credentials };
    delete noRegion.Region;
    expect(() => parseExtensionResponse('credentials', { ok: true, result: { ...result, credentials: noRegion } })).toThrow(badRequest('response.result.credentials.Region'));
    expect(() => parseExtensionResponse('env', { ok: true, result: { ...result, credentials: { ...result.credentials, Expiration: 'soon' } } })).toThrow(badRequest('response.result.credentials.Expiration'));
  });

  it('checks errors have a known code', () => {
    expect(parseExtensionResponse('status', { ok: false, error: { code: 'not-allowed', message: 'Allow it.' } })).toEqual({ ok: false, error: { code: 'not-allowed', message: 'Allow it.' } });
    expect(() => parseExtensionResponse('status', { ok: false, error: { code: 'oops', message: '' } })).toThrow(badRequest('response.error.code'));
  });

  it('checks a status reply has the host\'s fields', () => {
    const result = { profiles: [{ profileId: 'dev', state: 'valid', expiration: '2030-01-01T00:00:00Z', allowed: true }], browserProfile: 'work', extensionVersion: '0.1.0' };
    expect(parseHostReply('status', { id: '1', response: { ok: true, result } })).toEqual({ id: '1', response: { ok: true, result } });
    expect(() => parseHostReply('status', { id: '1', response: { ok: true, result: { profiles: [] } } })).toThrow(badRequest('reply.response.result.browserProfile'));
  });
});

it('uses the gecko id the Firefox build gets', () => {
  expect(GECKO_EXTENSION_ID).toBe(GECKO_ID);
});
