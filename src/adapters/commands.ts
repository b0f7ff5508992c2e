/**
 * Keyboard shortcuts (the manifest's `commands`), and the popup as the place to explain a failure.
 */
import { browser } from './browser-api';

/** Calls `handler` when the user presses the shortcut of `command`. */
export function onCommand(command: string, handler: () => void): void {
  browser.commands.onCommand.addListener((name: string) => {
    if (name === command) handler();
  });
}

/** Opens the action's popup where the browser allows it (Chromium 127+); otherwise does nothing. */
export async function openPopup(): Promise<void> {
  await browser.action.openPopup().catch(() => undefined);
}
