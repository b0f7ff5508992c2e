/**
 * What the extension remembers between popups, in `storage.local` (nothing secret): the last
 * copy format and profile, and whether to clear the clipboard after copying.
 */
import type { CopyFormat } from '../format';
import { copyFormats } from '../format/copy-format-options';
import { preferenceKeys } from './keys';

/** The preferences, defaults filled in. */
export interface Preferences {
  /** The format the last copy used; what the one-click copy button and the shortcut use. */
  lastFormat: CopyFormat;
  /** The profile copied last; the shortcut copies it. */
  lastProfileId?: string;
  /** 0 leaves the clipboard alone. */
  clearClipboardAfterSeconds: number;
}

/** The choices the options page offers for clearing the clipboard, in seconds; 0 is "never". */
export const clipboardClearChoices: readonly number[] = [0, 10, 30, 60, 120, 300];

/** Bash, because most terminals run it or zsh, whose syntax it shares. */
export const defaultPreferences: Preferences = { lastFormat: 'bash', clearClipboardAfterSeconds: 0 };

/** Reads preferences from storage items, ignoring anything malformed or stale (a format since removed). */
export function readPreferences(items: Record<string, unknown>): Preferences {
  const format = items[preferenceKeys.lastFormat];
  const profileId = items[preferenceKeys.lastProfileId];
  const clear = items[preferenceKeys.clearClipboardAfterSeconds];
  return {
    lastFormat: copyFormats.some((option) => option.id === format) ? (format as CopyFormat) : defaultPreferences.lastFormat,
    ...(typeof profileId === 'string' && profileId !== '' ? { lastProfileId: profileId } : {}),
    clearClipboardAfterSeconds: typeof clear === 'number' && clipboardClearChoices.includes(clear) ? clear : defaultPreferences.clearClipboardAfterSeconds,
  };
}

/** Storage items for a change of preferences. */
export function preferenceItems(changes: Partial<Preferences>): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(preferenceKeys) as [keyof Preferences, string][]) {
    if (changes[name] !== undefined) items[key] = changes[name];
  }
  return items;
}
