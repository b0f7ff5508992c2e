/**
 * System notifications asking the user to sign in, with a "Sign in" button (`browser.notifications`).
 */
import browser from 'webextension-polyfill';
import type { Notifications } from 'webextension-polyfill';
import type { NotificationsPort } from '../refresh/refresh-deps';

const prefix = 'sign-in/';

/** Options Chrome takes beyond the polyfill's (Firefox's) types. */
interface ChromeOptions {
  buttons: { title: string }[];
  requireInteraction: boolean;
}

/** The provider a notification of ours is about, or `undefined` for any other notification. */
export function providerOfNotification(notificationId: string): string | undefined {
  return notificationId.startsWith(prefix) ? notificationId.slice(prefix.length) : undefined;
}

/** Notifications of this extension. A browser or system that refuses them costs only the notice. */
export const notifications: NotificationsPort = {
  async askToSignIn(providerId, title, message) {
    try {
      // Chrome shows the button and keeps the notice up; Firefox ignores both and reports a click.
      const options: Notifications.CreateNotificationOptions & ChromeOptions = {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title,
        message,
        buttons: [{ title: 'Sign in' }],
        requireInteraction: true,
      };
      await browser.notifications.create(`${prefix}${providerId}`, options);
    } catch (error) {
      console.warn('Could not show the sign-in notification:', error instanceof Error ? error.message : String(error));
    }
  },
  async clear(providerId) {
    await browser.notifications.clear(`${prefix}${providerId}`).catch(() => false);
  },
};
