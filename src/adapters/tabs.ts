/**
 * Tabs the extension opens for the user.
 */
import { browser } from './browser-api';

/** Opens a URL in a new tab in front. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}
