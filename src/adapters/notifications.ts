/**
 * System notifications asking the user to sign in (`browser.notifications`): with a "Sign in"
 * button in Chromium, as a notice to click in Firefox (src/refresh/sign-in-notice.ts).
 */
import { browser } from './browser-api';
import type { Notifications } from 'webextension-polyfill';
import type { NotificationsPort } from '../refresh/refresh-deps';
import { signInNotice } from '../refresh/sign-in-notice';
import { browserFamily } from './browser-family';

const prefix = 'sign-in/';
const allowPrefix = 'terminal-allow/';

/** The provider a notification of ours is about, or `undefined` for any other notification. */
export function providerOfNotification(notificationId: string): string | undefined {
  return notificationId.startsWith(prefix) ? notificationId.slice(prefix.length) : undefined;
}

/** Notifications of this extension. A browser or system that refuses them costs only the notice. */
export const notifications: NotificationsPort = {
  async askToSignIn(providerId, title, message) {
    try {
      // The polyfill types Firefox's options, which lack Chromium's button and requireInteraction.
      const options = signInNotice(browserFamily(), { iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message }) as Notifications.CreateNotificationOptions;
      await browser.notifications.create(`${prefix}${providerId}`, options);
    } catch (error) {
      console.warn('Could not show the sign-in notification:', error instanceof Error ? error.message : String(error));
    }
  },
  async clear(providerId) {
    await browser.notifications.clear(`${prefix}${providerId}`).catch(() => false);
  },
};

/** The profile a terminal consent notification is about, or `undefined` for any other. */
export function profileOfAllowNotification(notificationId: string): string | undefined {
  return notificationId.startsWith(allowPrefix) ? notificationId.slice(allowPrefix.length) : undefined;
}

/**
 * Asks the user to allow terminals to get a profile's credentials: an "Allow" button in
 * Chromium, a notice to click in Firefox (which refuses buttons). Clicking allows it.
 */
export async function askToAllowTerminal(profileId: string, profileName: string, command: string): Promise<void> {
  const iconUrl = browser.runtime.getURL('icons/icon-128.png');
  const title = `Allow terminal access to ${profileName}?`;
  const message = `A terminal asked for the credentials of profile "${profileId}" (${command.slice(0, 80)}).`;
  const options = browserFamily() === 'firefox'
    ? { type: 'basic' as const, iconUrl, title, message: `${message}\nClick here to allow it.` }
    : { type: 'basic' as const, iconUrl, title, message, buttons: [{ title: 'Allow' }], requireInteraction: true };
  try {
    await browser.notifications.create(`${allowPrefix}${profileId}`, options as Notifications.CreateNotificationOptions);
  } catch (error) {
    console.warn('Could not show the terminal access notification:', error instanceof Error ? error.message : String(error));
  }
}

/** Removes the consent notification of a profile. */
export async function clearAllowTerminal(profileId: string): Promise<void> {
  await browser.notifications.clear(`${allowPrefix}${profileId}`).catch(() => false);
}
