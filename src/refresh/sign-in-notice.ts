/**
 * The system notification that asks the user to sign in, for each browser. Chromium shows a
 * "Sign in" button and keeps the notice up until the user acts. Firefox's API refuses both
 * options outright ('Property "buttons" is unsupported by Firefox', 'Unexpected property
 * "requireInteraction"'), so there the notice itself is what the user clicks, and it says so.
 * @see https://developer.chrome.com/docs/extensions/reference/api/notifications#type-NotificationOptions
 * @see https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/notifications/NotificationOptions
 */

/** What `notifications.create` takes for the notice. */
export interface SignInNotice {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  /** Chromium only. */
  buttons?: { title: string }[];
  /** Chromium only. */
  requireInteraction?: boolean;
}

/** The label of the button, and what the Firefox notice tells the user to do instead. */
export const signInAction = 'Sign in';

/**
 * Builds the notice for one browser.
 * @param family the browser running the extension
 */
export function signInNotice(family: 'chromium' | 'firefox', content: { iconUrl: string; title: string; message: string }): SignInNotice {
  const { iconUrl, title, message } = content;
  if (family === 'firefox') return { type: 'basic', iconUrl, title, message: `${message}\nClick here to sign in.` };
  return { type: 'basic', iconUrl, title, message, buttons: [{ title: signInAction }], requireInteraction: true };
}
