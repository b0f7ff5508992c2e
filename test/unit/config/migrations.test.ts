import { currentSchemaVersion, migrateConfigDocument } from '../../../src/config/migrations';
import { migrateStoredConfig } from '../../../src/storage/config-document';
import type { ConfigDocumentStore } from '../../../src/storage/config-document';
import { validateConfiguration } from '../../../src/config/validate-configuration';

/** A document as the first version of the extension wrote it (no schemaVersion), with an unknown field kept. */
const version1 = {
  providers: [{ id: 'corp', name: 'Corp SSO', issuer: 'https://idp.example.com', clientId: 'abc123', scopes: 'openid email' }],
  profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', region: 'eu-west-1', durationSeconds: 7200, pinned: false, colour: 'red' }],
};

/** Every earlier version, as written by the extension that used it. */
const earlier: Record<number, unknown> = { 1: version1 };

function memoryStorage(initial: Record<string, unknown>): ConfigDocumentStore & { items: Record<string, unknown>; writes: number } {
  const store = {
    items: structuredClone(initial),
    writes: 0,
    get: async <T,>(key: string) => structuredClone(store.items[key]) as T,
    set: async (items: Record<string, unknown>) => {
      store.writes += 1;
      Object.assign(store.items, structuredClone(items));
    },
  };
  return store;
}

describe('configuration migrations', () => {
  it('knows a document for every earlier version', () => {
    expect(Object.keys(earlier).map(Number)).toEqual(Array.from({ length: currentSchemaVersion - 1 }, (_, index) => index + 1));
  });

  it.each(Object.entries(earlier))('brings a version-%s document to the current version, meaning the same', (version, document) => {
    const result = migrateConfigDocument(document);
    expect(result).toMatchObject({ from: Number(version), to: currentSchemaVersion, changed: true });
    expect((result.document as { schemaVersion: number }).schemaVersion).toBe(currentSchemaVersion);
    const before = validateConfiguration(undefined, document);
    const after = validateConfiguration(undefined, result.document);
    expect(after).toEqual(before);
    expect(result.document).toMatchObject(document as object);
  });

  it('treats an explicit schemaVersion 1 like a document without one', () => {
    expect(migrateConfigDocument({ ...version1, schemaVersion: 1 })).toMatchObject({ from: 1, to: 2, changed: true, document: { ...version1, schemaVersion: 2 } });
  });

  it('leaves a current document, a newer one and anything unreadable alone', () => {
    const current = { ...version1, schemaVersion: currentSchemaVersion };
    expect(migrateConfigDocument(current)).toEqual({ document: current, from: currentSchemaVersion, to: currentSchemaVersion, changed: false });
    const newer = { ...version1, schemaVersion: currentSchemaVersion + 1 };
    expect(migrateConfigDocument(newer)).toEqual({ document: newer, from: currentSchemaVersion + 1, to: currentSchemaVersion + 1, changed: false });
    for (const odd of [undefined, null, 'text', [1], { schemaVersion: 'two' }]) expect(migrateConfigDocument(odd)).toMatchObject({ document: odd, changed: false });
  });

  it('rewrites the stored document on install or update, once', async () => {
    const storage = memoryStorage({ config: version1, other: 1 });
    await expect(migrateStoredConfig(storage)).resolves.toMatchObject({ from: 1, to: currentSchemaVersion, changed: true });
    expect(storage.items).toEqual({ config: { ...version1, schemaVersion: currentSchemaVersion }, other: 1 });
    await migrateStoredConfig(storage);
    expect(storage.writes).toBe(1);
  });

  it('writes nothing when there is no configuration yet', async () => {
    const storage = memoryStorage({});
    await migrateStoredConfig(storage);
    expect(storage.writes).toBe(0);
    expect(storage.items).toEqual({});
  });
});
