/**
 * The toolbar button's badge and tooltip (`browser.action`).
 */
import { browser } from './browser-api';
import type { IndicatorPort } from '../refresh/refresh-deps';

/** Shows the badge and title. */
export const indicator: IndicatorPort = {
  async show({ text, color, title }) {
    await Promise.all([
      browser.action.setBadgeText({ text }),
      browser.action.setBadgeBackgroundColor({ color }),
      // White on every badge colour we use; Chrome would otherwise pick by contrast, Firefox not at all.
      browser.action.setBadgeTextColor?.({ color: '#ffffff' }),
      browser.action.setTitle({ title }),
    ]);
  },
};
