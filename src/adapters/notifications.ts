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
