/**
 * The popup as the place to explain a failure of a keyboard shortcut (the manifest's `commands`,
 * whose listener background.ts registers).
 */
import { browser } from './browser-api';

/** The shortcut that copies the default profile's credentials in the last used format. */
export const copyDefaultProfileCommand = 'copy-default-profile';
/** The shortcut that refreshes everything. */
export const refreshAllCommand = 'refresh-all';

/** Opens the action's popup where the browser allows it (Chromium 127+); otherwise does nothing. */
export async function openPopup(): Promise<void> {
  await browser.action.openPopup().catch(() => undefined);
}
