/**
 * The one-line messages a person at the terminal reads (`wic` prints them on stderr): what is
 * wrong, then what to do. They name profiles and providers, never a token or key.
 */
import type { Profile, Provider } from '../config/types';
import { TerminalError, TerminalErrorCodes } from '../terminal/error-codes';

const EXTENSION = 'Web Identity Credentials';

/** No profile with that id. */
export const unknownProfile = (profileId: string) =>
  new TerminalError(TerminalErrorCodes.unknownProfile, `No profile "${profileId}" in ${EXTENSION}: run \`wic status\` to list the profiles, or add it in the extension's options.`);

/** The user has not allowed terminals to get this profile. */
export const notAllowed = (profile: Profile) =>
  new TerminalError(TerminalErrorCodes.notAllowed, `Terminal access to profile "${profile.id}" is not allowed yet: click Allow in the browser's notification (or allow it under Terminal access in the extension's options), then run again, or run with --wait.`);

/** No sign-in with the profile's provider. */
export const notSignedIn = (provider: Provider) =>
  new TerminalError(TerminalErrorCodes.notSignedIn, `Not signed in to ${provider.name}: sign in from the ${EXTENSION} popup, or run again with --wait.`);

/** Renewal needs the IdP's login page. */
export const needsSignIn = (provider: Provider) =>
  new TerminalError(TerminalErrorCodes.needsInteractiveSignIn, `${provider.name} needs you to sign in again: click Sign in in the browser's notification or the ${EXTENSION} popup, or run again with --wait.`);

/** Renewal was tried and failed; `why` is the extension's own explanation (already scrubbed). */
export const refreshFailed = (profile: Profile, why: string | undefined) =>
  new TerminalError(TerminalErrorCodes.refreshFailed, `Could not renew the credentials of profile "${profile.id}"${why ? `: ${why.replace(/[\s.]+$/, '')}` : ''}. Try Refresh now in the ${EXTENSION} popup.`);
