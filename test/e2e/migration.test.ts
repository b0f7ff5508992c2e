/**
 * Migrations run when the extension is updated: a configuration stored in the first format (no
 * schemaVersion) is brought to the current one, meaning the same, when the extension reloads.
 */
import type { Page } from 'playwright-core';
import { startEnvironment } from './harness';
import type { Environment } from './harness';

jest.setTimeout(120_000);

interface ChromeApi {
  runtime: { reload(): void };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
}
async function storedConfig(page: Page): Promise<unknown> {
  return (await page.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null))).config;
}

describe('configuration migration on update', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => env?.close());

  it('brings a first-format document to the current version when the extension is updated', async () => {
    const version1 = { providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }], profiles: [] };
    await env.setLocalConfig(version1);
    const before = await env.openExtensionPage('manifest.json');
    await expect(storedConfig(before)).resolves.toEqual(version1);
    // An unpacked extension's reload is an update: runtime.onInstalled fires with reason "update".
    const restarted = env.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(env.extensionOrigin), timeout: 30_000 });
    await before.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.reload()).catch(() => undefined);
    const worker = await restarted;

    let stored: unknown;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      stored = (await worker.evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null))).config;
      if ((stored as { schemaVersion?: number } | undefined)?.schemaVersion) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(stored).toEqual({ ...version1, schemaVersion: 2 });

    const popup = await env.openPopup();
    await popup.getByRole('region', { name: 'Corp SSO' }).waitFor();
  });
});
