/**
 * The keyboard shortcut: copy the default profile's credentials in the last used format, from
 * the background, where no page is open. Pure over its boundaries.
 */
import type { Configuration } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import type { CopyFormat } from '../format';
import { formatCredentials } from '../format';
import { defaultProfile } from './default-profile';
import { credentialsKey } from '../storage/keys';
import type { Preferences } from '../storage/preferences';
import type { Store } from '../storage/store';
import type { ProfileCredentials } from '../sts/credentials';

/** The boundaries the shortcut works through. */
export interface DefaultProfileCopierDeps {
  readConfiguration(): Promise<Configuration>;
  readPreferences(): Promise<Preferences>;
  store: Pick<Store, 'get'>;
  /** Puts text on the clipboard, clearing it after the given seconds unless 0. */
  writeClipboard(text: string, clearAfterSeconds: number): Promise<void>;
  now(): number;
}

/** What was copied. */
export interface CopiedProfile {
  profileId: string;
  format: CopyFormat;
}

/** Creates the action; it throws an {@link ExtensionError} saying what to do when there is nothing to copy. */
export function createDefaultProfileCopier(deps: DefaultProfileCopierDeps): () => Promise<CopiedProfile> {
  return async () => {
    const [config, preferences] = await Promise.all([deps.readConfiguration(), deps.readPreferences()]);
    const profile = defaultProfile(config.profiles, preferences.lastProfileId);
    if (!profile) {
      throw new ExtensionError(ErrorCodes.configInvalid, 'No profile is configured, so there is nothing to copy.', { hint: 'Import a configuration in the options page.' });
    }
    const credentials = await deps.store.get<ProfileCredentials>(credentialsKey(profile.id));
    if (!credentials || credentials.expiration <= deps.now()) {
      throw new ExtensionError(ErrorCodes.notSignedIn, `${profile.name} has no valid credentials to copy.`, { hint: 'Open the popup and sign in.' });
    }
    const text = formatCredentials(preferences.lastFormat, { profileId: profile.id, credentials });
    await deps.writeClipboard(text, preferences.clearClipboardAfterSeconds);
    return { profileId: profile.id, format: preferences.lastFormat };
  };
}
