/**
 * The configuration the background publishes for the popup: published at start, again when the
 * policy, the user's document or a token's roles change, and never rewritten unchanged.
 */
import type * as ConfigurationAdapter from '../../../src/adapters/configuration';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { claimedRolesKey, configurationKey, credentialsKey, localConfigKey } from '../../../src/storage/keys';
import { changesConfiguration, differsFromPublished, publishedConfiguration } from '../../../src/storage/published-configuration';
import type { StorageChange } from '../../../src/storage/published-configuration';
import { sampleConfig, sampleDocument } from '../support/fixtures';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** `chrome.storage` in memory, counting the writes to session storage. */
function fakeBrowser(local: Record<string, unknown>, managed: Record<string, unknown> = {}) {
  const areas: Record<string, Record<string, unknown>> = { local, managed, session: {} };
  const listeners = new Set<Listener>();
  const sessionWrites: Record<string, unknown>[] = [];
  const area = (name: string) => ({
    get: async (keys?: string | string[] | null) => {
      const all = JSON.parse(JSON.stringify(areas[name])) as Record<string, unknown>;
      if (keys === null || keys === undefined) return all;
      return Object.fromEntries([keys].flat().filter((key) => key in all).map((key) => [key, all[key]]));
    },
    set: async (items: Record<string, unknown>) => {
      if (name === 'session') sessionWrites.push(items);
      Object.assign(areas[name] as object, JSON.parse(JSON.stringify(items)));
      for (const listener of listeners) listener(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])), name);
    },
    clear: async () => {
      const removed = Object.keys(areas[name] ?? {});
      areas[name] = {};
      for (const listener of listeners) listener(Object.fromEntries(removed.map((key) => [key, {}])), name);
    },
  });
  return {
    chrome: { storage: { local: area('local'), session: area('session'), managed: area('managed'), onChanged: { addListener: (listener: Listener) => listeners.add(listener) } } },
    areas,
    sessionWrites,
  };
}

function loadAdapter(browser: ReturnType<typeof fakeBrowser>): typeof ConfigurationAdapter {
  Object.assign(globalThis, { chrome: browser.chrome });
  let adapter: typeof ConfigurationAdapter | undefined;
  jest.isolateModules(() => {
    adapter = jest.requireActual<typeof ConfigurationAdapter>('../../../src/adapters/configuration');
  });
  if (!adapter) throw new Error('src/adapters/configuration did not load');
  return adapter;
}

/** A publisher listening to storage changes, wired as background.ts wires it. */
function publisherOf(browser: ReturnType<typeof fakeBrowser>): ConfigurationAdapter.ConfigurationPublisher {
  const publisher = loadAdapter(browser).createConfigurationPublisher();
  browser.chrome.storage.onChanged.addListener((changes, area) => publisher.onStorageChanged(changes as StorageChange, area));
  return publisher;
}

/** Lets queued publications finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('changesConfiguration', () => {
  const written = { newValue: {} };
  it.each([
    ['managed', { anything: written }, true],
    ['local', { [localConfigKey]: written }, true],
    ['local', { settings: written, preferences: written }, false],
    ['session', { [claimedRolesKey('corp')]: written }, true],
    ['session', { [credentialsKey('dev')]: written, [configurationKey]: written }, false],
    ['session', { [configurationKey]: {} }, true],
    ['sync', { [localConfigKey]: written }, false],
  ])('%s storage, changes %j: %s', (area, changes, expected) => {
    expect(changesConfiguration(area, changes)).toBe(expected);
  });
});

describe('publishedConfiguration', () => {
  it('reads a published configuration back', () => {
    expect(publishedConfiguration({ [configurationKey]: sampleConfig })).toEqual(sampleConfig);
  });

  it.each([[undefined], [null], ['text'], [{ providers: [], profiles: [] }]])('is undefined for %j', (value) => {
    expect(publishedConfiguration({ [configurationKey]: value })).toBeUndefined();
  });

  it('tells an equal configuration from a changed one', () => {
    const session = { [configurationKey]: JSON.parse(JSON.stringify(sampleConfig)) as unknown };
    expect(differsFromPublished(validateConfiguration(undefined, sampleDocument), session)).toBe(false);
    expect(differsFromPublished(validateConfiguration(undefined, { ...sampleDocument, profiles: [] }), session)).toBe(true);
    expect(differsFromPublished(sampleConfig, {})).toBe(true);
  });

  it('finds a configuration read back with its keys sorted (as Chromium returns them) equal', () => {
    const sorted = (value: unknown): unknown => Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, sorted(inner)])) : value;
    expect(differsFromPublished(sampleConfig, { [configurationKey]: sorted(JSON.parse(JSON.stringify(sampleConfig))) })).toBe(false);
  });
});

describe('createConfigurationPublisher', () => {
  it('publishes the validated configuration', async () => {
    const browser = fakeBrowser({ [localConfigKey]: sampleDocument });
    await publisherOf(browser).publishNow();
    expect(browser.areas.session?.[configurationKey]).toEqual(JSON.parse(JSON.stringify(sampleConfig)));
  });

  it('publishes again when the user saves another document, and only then', async () => {
    const browser = fakeBrowser({ [localConfigKey]: sampleDocument });
    await publisherOf(browser).publishNow();
    await browser.chrome.storage.local.set({ preferences: { lastFormat: 'fish' } });
    await settle();
    expect(browser.sessionWrites).toHaveLength(1);
    await browser.chrome.storage.local.set({ [localConfigKey]: { ...sampleDocument, profiles: sampleDocument.profiles.slice(0, 1) } });
    await settle();
    const published = publishedConfiguration(browser.areas.session ?? {});
    expect(published?.profiles.map((profile) => profile.id)).toEqual(['dev']);
    expect(browser.sessionWrites).toHaveLength(2);
  });

  it('does not write an unchanged configuration again (a worker restart)', async () => {
    const browser = fakeBrowser({ [localConfigKey]: sampleDocument });
    await publisherOf(browser).publishNow();
    await publisherOf(browser).publishNow();
    expect(browser.sessionWrites).toHaveLength(1);
  });

  it('publishes again when session storage is cleared (signing out of everything)', async () => {
    const browser = fakeBrowser({ [localConfigKey]: sampleDocument });
    await publisherOf(browser).publishNow();
    await browser.chrome.storage.session.clear();
    await settle();
    expect(publishedConfiguration(browser.areas.session ?? {})?.profiles.map((profile) => profile.id)).toEqual(['dev', 'ops']);
  });

  it('publishes on request what a missed change left out of date', async () => {
    const browser = fakeBrowser({ [localConfigKey]: sampleDocument });
    const publisher = publisherOf(browser);
    await publisher.publishNow();
    // As if the document changed while nobody listened (a worker that never woke for it).
    (browser.areas.local as Record<string, unknown>)[localConfigKey] = { ...sampleDocument, profiles: [] };
    await publisher.publishNow();
    expect(publishedConfiguration(browser.areas.session ?? {})?.profiles).toEqual([]);
    expect(browser.sessionWrites).toHaveLength(2);
  });

  it('makes profiles of the roles a token listed', async () => {
    const document = { providers: [{ id: 'corp', name: 'Corp', issuer: 'https://idp.example.com', clientId: 'abc', rolesFromClaim: { claim: 'roles' } }], profiles: [] };
    const browser = fakeBrowser({ [localConfigKey]: document });
    await publisherOf(browser).publishNow();
    expect(publishedConfiguration(browser.areas.session ?? {})?.profiles).toEqual([]);
    await browser.chrome.storage.session.set({ [claimedRolesKey('corp')]: { roleArns: ['arn:aws:iam::123456789012:role/Dev'] } });
    await settle();
    expect(publishedConfiguration(browser.areas.session ?? {})?.profiles.map((profile) => profile.roleArn)).toEqual(['arn:aws:iam::123456789012:role/Dev']);
  });
});
