/**
 * Migrations run when the extension is updated: a configuration stored in the first format (no
 * schemaVersion) is brought to the current one, meaning the same, when the extension reloads.
 */
import { startEnvironment } from './support/harness';
import type { Environment } from './support/harness';

jest.setTimeout(120_000);

interface ChromeApi {
  runtime: { reload(): void };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
}

describe('configuration migration on install and update', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => env?.close());

  it('brings a first-format document to the current version on install and update', async () => {
    const version1 = { providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc' }], profiles: [] };
    await env.setLocalConfig(version1);
    const before = await env.openExtensionPage('manifest.json');
    // The install event may still be on its way on a busy machine and migrate this write itself;
    // either way the same handler runs, and the update below must leave the current version.
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
