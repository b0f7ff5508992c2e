import { importConfig, saveConfig } from '../../../src/storage/config-document';
import { readTrustedOrigins, removeTrustedOrigin } from '../../../src/storage/trusted-endpoints';

function mapStore(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    get: async <T,>(key: string) => structuredClone(items.get(key)) as T | undefined,
    set: async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
  };
}

const managed = { providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }] };
const hostile = { profiles: [{ id: 'x', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', stsEndpoint: 'http://127.0.0.1:9/' }] };

describe('confirmed origins', () => {
  it('an import stores nothing, and trusts nothing, until the user confirms the host', async () => {
    const store = mapStore({ config: { profiles: [] } });
    await expect(importConfig(store, JSON.stringify(hostile), managed)).resolves.toMatchObject({ ok: false, toConfirm: ['http://127.0.0.1:9'] });
    expect(store.items.get('config')).toEqual({ profiles: [] });
    expect(store.items.has('trusted-endpoints')).toBe(false);
    await expect(importConfig(store, JSON.stringify(hostile), managed, ['http://127.0.0.1:9'])).resolves.toMatchObject({ ok: true });
    await expect(readTrustedOrigins(store)).resolves.toEqual(['http://127.0.0.1:9']);
    expect(store.items.get('config')).toMatchObject(hostile);
  });

  it('a save in the editor asks the same, and keeps origins confirmed before', async () => {
    const store = mapStore({ 'trusted-endpoints': ['https://sts.corp.example'] });
    await expect(saveConfig(store, hostile, managed, undefined)).resolves.toMatchObject({ ok: false, toConfirm: ['http://127.0.0.1:9'] });
    expect(store.items.has('config')).toBe(false);
    await expect(saveConfig(store, hostile, managed, undefined, ['http://127.0.0.1:9'])).resolves.toMatchObject({ ok: true });
    await expect(readTrustedOrigins(store)).resolves.toEqual(['https://sts.corp.example', 'http://127.0.0.1:9']);
  });

  it('ignores a malformed stored list rather than trusting anything', async () => {
    await expect(readTrustedOrigins(mapStore({ 'trusted-endpoints': 'http://127.0.0.1:9' }))).resolves.toEqual([]);
    await expect(readTrustedOrigins(mapStore({ 'trusted-endpoints': [1, 'http://a'] }))).resolves.toEqual(['http://a']);
  });

  it('forgets one origin, keeping the others', async () => {
    const store = mapStore({ 'trusted-endpoints': ['http://a', 'http://b'] });
    await removeTrustedOrigin(store, 'http://a');
    await expect(readTrustedOrigins(store)).resolves.toEqual(['http://b']);
  });
});
