/**
 * "Open console" as the background performs it: find the profile and its credentials, make sure
 * the browser lets the extension reach the sign-in endpoint, get the login URL, open it in a tab.
 */
import type { Configuration } from '../config/types';
import { ErrorCodes, ExtensionError } from '../errors';
import { credentialsKey } from '../storage/keys';
import type { Store } from '../storage/store';
import type { ProfileCredentials } from '../sts/credentials';
import { consoleEndpoints } from './console-endpoints';
import type { ConsoleSignInInput } from './console-sign-in';
import { consoleSignInUrl } from './console-sign-in';

/** The boundaries console sign-in goes through. */
export interface ConsoleOpenerDeps {
  readConfiguration(): Promise<Configuration>;
  store: Pick<Store, 'get'>;
  /** True when the extension holds the host permission for every URL's host. */
  hasOrigins(urls: readonly string[]): Promise<boolean>;
  fetch: ConsoleSignInInput['fetch'];
  openTab(url: string): Promise<void>;
  now(): number;
}

/** Creates the action; it resolves once the console tab is open. */
export function createConsoleOpener(deps: ConsoleOpenerDeps): (profileId: string) => Promise<void> {
  return async (profileId) => {
    const config = await deps.readConfiguration();
    const profile = config.profiles.find((candidate) => candidate.id === profileId);
    if (!profile) {
      throw new ExtensionError(ErrorCodes.configInvalid, `No usable profile has id "${profileId}".`, { hint: 'Fix the profile in the options page.' });
    }
    const credentials = await deps.store.get<ProfileCredentials>(credentialsKey(profile.id));
    if (!credentials) {
      throw new ExtensionError(ErrorCodes.notSignedIn, `${profile.name} has no credentials yet.`, { hint: 'Sign in first, then open the console.' });
    }
    const { federation } = consoleEndpoints(profile);
    if (!(await deps.hasOrigins([federation]))) {
      throw new ExtensionError(ErrorCodes.consoleNoAccess, `The extension may not reach ${new URL(federation).hostname} yet, so the console cannot be opened.`, {
        hint: 'Click Open console and allow access when the browser asks.',
      });
    }
    const url = await consoleSignInUrl({ profile, credentials, now: deps.now(), fetch: deps.fetch });
    await deps.openTab(url);
  };
}
