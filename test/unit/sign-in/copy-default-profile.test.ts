// The keyboard shortcut's copy, over fake storage and clipboard; the text is the real formatter's.
import { ErrorCodes } from '../../../src/errors';
import { formatCredentials } from '../../../src/format';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { createDefaultProfileCopier } from '../../../src/sign-in/copy-default-profile';
import { defaultProfile } from '../../../src/sign-in/default-profile';
import type { Preferences } from '../../../src/storage/preferences';
import { defaultPreferences, preferenceItems, readPreferences } from '../../../src/storage/preferences';
import { memorySessionStore } from '../support/memory-session-store';
import { rejection } from '../support/rejection';
import { sampleConfig, sampleCredentials } from '../support/fixtures';

const now = 1_800_000_000_000;

function setUp(preferences: Preferences = defaultPreferences, config = sampleConfig) {
  const store = memorySessionStore();
  const clipboard: { text: string; clearAfterSeconds: number }[] = [];
  const copy = createDefaultProfileCopier({
    readConfiguration: async () => config,
    readPreferences: async () => preferences,
    store,
    writeClipboard: async (text, clearAfterSeconds) => void clipboard.push({ text, clearAfterSeconds }),
    now: () => now,
  });
  return { store, clipboard, copy };
}

describe('createDefaultProfileCopier', () => {
  it('copies the last copied profile in the last used format, clearing as configured', async () => {
    const { store, clipboard, copy } = setUp({ lastFormat: 'fish', lastProfileId: 'ops', clearClipboardAfterSeconds: 30 });
    const credentials = sampleCredentials(now + 60_000, { accessKeyId: 'ASIAOPS' });
    await store.set({ 'credentials/ops': credentials, 'credentials/dev': sampleCredentials(now + 60_000) });
    await expect(copy()).resolves.toEqual({ profileId: 'ops', format: 'fish' });
    expect(clipboard).toEqual([{ text: formatCredentials('fish', { profileId: 'ops', credentials }), clearAfterSeconds: 30 }]);
  });

  it('refuses expired credentials and says what to do', async () => {
    const { store, clipboard, copy } = setUp();
    await store.set({ 'credentials/dev': sampleCredentials(now) });
    const error = await rejection(copy());
    expect([error.code, error.message, error.hint]).toEqual([ErrorCodes.notSignedIn, 'Dev admin has no valid credentials to copy.', 'Open the popup and sign in.']);
    expect(clipboard).toEqual([]);
  });

  it('says when nothing is configured', async () => {
    const { copy } = setUp(defaultPreferences, validateConfiguration(undefined, undefined));
    expect((await rejection(copy())).message).toBe('No profile is configured, so there is nothing to copy.');
  });
});

describe('defaultProfile', () => {
  const config = validateConfiguration(undefined, {
    providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
    profiles: [
      { id: 'a', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/A', pinned: false },
      { id: 'b', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/B' },
    ],
  });

  it('prefers the last copied profile, then the first pinned one, then the first', () => {
    expect(defaultProfile(config.profiles, 'a')?.id).toBe('a');
    expect(defaultProfile(config.profiles, 'gone')?.id).toBe('b');
    expect(defaultProfile(config.profiles.slice(0, 1), undefined)?.id).toBe('a');
    expect(defaultProfile([], undefined)).toBeUndefined();
  });
});

describe('preferences', () => {
  it('fill in defaults and ignore malformed or stale values', () => {
    expect(readPreferences({})).toEqual({ lastFormat: 'bash', clearClipboardAfterSeconds: 0 });
    expect(readPreferences({ 'copy/last-format': 'toString', 'copy/last-profile': 7, 'clipboard/clear-after-seconds': 17 })).toEqual(defaultPreferences);
    expect(readPreferences({ 'copy/last-format': 'credential-process', 'copy/last-profile': 'dev', 'clipboard/clear-after-seconds': 30 }))
      .toEqual({ lastFormat: 'credential-process', lastProfileId: 'dev', clearClipboardAfterSeconds: 30 });
  });

  it('write only what changed, each under its own key', () => {
    expect(preferenceItems({ lastFormat: 'fish', lastProfileId: 'dev' })).toEqual({ 'copy/last-format': 'fish', 'copy/last-profile': 'dev' });
    expect(preferenceItems({ clearClipboardAfterSeconds: 0 })).toEqual({ 'clipboard/clear-after-seconds': 0 });
  });
});
