/**
 * What a person does in the browser's own UI, which Playwright cannot click: allowing a host in
 * the permission prompt, and pressing a shortcut the browser (not the page) handles.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Grants an optional host permission, as "Allow" in the browser's prompt would. The prompt is
 * native UI, out of Playwright's reach; chrome://extensions grants through its own API, after
 * which `permissions.request` resolves true at once without a prompt, exactly as after "Allow".
 */
export async function allowHostAccess(context: BrowserContext, extensionId: string, pattern: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      async ({ id, host }) => {
        const { chrome } = globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } };
        await chrome.developerPrivate.addHostPermission(id, host);
      },
      { id: extensionId, host: pattern },
    );
  } finally {
    await page.close();
  }
}

/**
 * Lets an optional API permission (`nativeMessaging`) be granted without the browser's prompt,
 * which is native UI that neither Playwright nor CDP can click (Chromium 156 here: UI DevTools
 * sees the dialog but refuses to dispatch mouse events). Chromium grants without a prompt a
 * permission the user granted before, which it keeps in the profile's Preferences
 * (`granted_permissions` and `runtime_granted_permissions`); writing it there while the browser is
 * closed (`env.restart({ beforeLaunch })`) leaves the permission inactive until the extension's
 * `permissions.request` asks, which then resolves true at once, exactly as after "Allow".
 */
export async function rememberOptionalPermission(profileDir: string, extensionId: string, permission: string): Promise<void> {
  const file = path.join(profileDir, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { api?: string[] } | undefined>> } };
  const settings = preferences.extensions.settings[extensionId];
  if (!settings) throw new Error(`no settings for extension ${extensionId} in ${file}`);
  for (const key of ['granted_permissions', 'runtime_granted_permissions']) {
    const entry = settings[key] ?? { api: [], explicit_host: [], manifest_permissions: [], scriptable_host: [] } as { api: string[] };
    entry.api = [...new Set([...(entry.api ?? []), permission])];
    settings[key] = entry;
  }
  await writeFile(file, JSON.stringify(preferences));
}

const modifierBits = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as const;

/**
 * Presses a key chord as raw keyboard input to the browser window showing `page`, so browser-level
 * shortcuts (extension commands) see it; Playwright's `keyboard.press` reaches only the page.
 */
export async function pressBrowserShortcut(page: Page, modifiers: (keyof typeof modifierBits)[], key: string): Promise<void> {
  await page.bringToFront();
  const session = await page.context().newCDPSession(page);
  try {
    const bits = modifiers.reduce((sum, name) => sum + modifierBits[name], 0);
    const code = key.toUpperCase().charCodeAt(0);
    const event = { modifiers: bits, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code, code: `Key${key.toUpperCase()}`, key: key.toUpperCase() };
    await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
    await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
  } finally {
    await session.detach();
  }
}
