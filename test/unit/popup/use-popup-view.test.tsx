/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import type * as TestingLibraryType from '@testing-library/preact/pure';
import type * as PreactType from 'preact';
import type * as PopupViewModuleType from '../../../popup/popup/use-popup-view';
import type { PopupView } from '../../../src/view/popup-view';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { configurationKey, credentialsKey } from '../../../src/storage/keys';
import { sampleCredentials, sampleDocument } from '../support/fixtures';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** What the background publishes for the sample document. */
const published = () => JSON.parse(JSON.stringify(validateConfiguration(undefined, sampleDocument))) as unknown;

/**
 * The browser's storage as the adapters reach it (`chrome.storage`), in memory, with the
 * configuration published unless `publishedAtStart` is false; and a background whose answer to
 * `resume` publishes it, as the real one does.
 */
function fakeStorage({ publishedAtStart = true } = {}) {
  const areas: Record<string, Record<string, unknown>> = { local: {}, session: publishedAtStart ? { [configurationKey]: published() } : {}, managed: {} };
  const messages: unknown[] = [];
  const listeners = new Set<Listener>();
  /** When set, session reads wait for it: lets a test finish reads out of order. */
  const held: Array<() => void> = [];
  let holdSessionReads = false;
  const area = (name: string) => ({
    get: async (key?: string | null) => {
      const snapshot = JSON.parse(JSON.stringify(areas[name] ?? {})) as Record<string, unknown>;
      if (name === 'session' && holdSessionReads) await new Promise<void>((resolve) => held.push(resolve));
      return typeof key === 'string' ? { [key]: snapshot[key] } : snapshot;
    },
    set: async (items: Record<string, unknown>) => {
      Object.assign(areas[name] ?? {}, items);
      for (const listener of listeners) listener(items, name);
    },
  });
  const session = area('session');
  return {
    api: {
      runtime: {
        sendMessage: async (message: unknown) => {
          messages.push(message);
          await session.set({ [configurationKey]: published() });
          return { ok: true, value: null };
        },
      },
      storage: {
        local: area('local'),
        session,
        managed: area('managed'),
        onChanged: { addListener: (listener: Listener) => listeners.add(listener), removeListener: (listener: Listener) => listeners.delete(listener) },
      },
    },
    holdSessionReads: (hold: boolean) => {
      holdSessionReads = hold;
    },
    release: (index: number) => held[index]?.(),
    /** Empties session storage, as signing out of everything does. */
    clearSession: async () => {
      const removed = Object.keys(areas.session ?? {});
      areas.session = {};
      for (const listener of listeners) listener(Object.fromEntries(removed.map((key) => [key, {}])), 'session');
    },
    messages,
  };
}

const cleanups: Array<() => void> = [];

type PopupViewModule = typeof PopupViewModuleType;
type TestingLibrary = typeof TestingLibraryType;
type Preact = typeof PreactType;

/**
 * A fresh copy of the hook's module (it keeps one store per popup, like the popup's document)
 * over a fresh fake storage, with the preact and testing library it must share its hooks with.
 */
function load(options?: { publishedAtStart?: boolean }) {
  const storage = fakeStorage(options);
  Object.assign(globalThis, { chrome: storage.api });
  let loaded: { module: PopupViewModule; library: TestingLibrary; preact: Preact } | undefined;
  jest.isolateModules(() => {
    loaded = {
      module: jest.requireActual<PopupViewModule>('../../../popup/popup/use-popup-view'),
      library: jest.requireActual<TestingLibrary>('@testing-library/preact/pure'),
      preact: jest.requireActual<Preact>('preact'),
    };
  });
  if (!loaded) throw new Error('use-popup-view did not load');
  const { module, library, preact } = loaded;
  cleanups.push(library.cleanup);
  const renders: Array<PopupView | undefined> = [];
  function Probe() {
    const view = module.usePopupView();
    renders.push(view);
    const dev = view?.providers[0]?.profiles.find((profile) => profile.profile.id === 'dev');
    return preact.h('p', { role: 'status' }, view ? `dev ${dev?.state.kind}` : 'loading');
  }
  return {
    storage,
    start: module.startPopupView,
    renders,
    render: () => library.render(preact.h(Probe, null)),
    status: () => library.screen.getByRole('status'),
    act: library.act,
    waitFor: library.waitFor,
  };
}

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('usePopupView', () => {
  it('renders every profile in its first render once startPopupView has read storage', async () => {
    const popup = load();
    await popup.start();
    popup.render();
    expect(popup.renders[0]?.providers.map((provider) => provider.profiles.length)).toEqual([2, 0]);
    expect(popup.status()).toHaveTextContent('dev signed-out');
  });

  it('follows storage changes', async () => {
    const popup = load();
    await popup.start();
    popup.render();
    await popup.act(() => popup.storage.api.storage.session.set({ [credentialsKey('dev')]: sampleCredentials(Date.now() + 3600_000) }));
    await popup.waitFor(() => expect(popup.status()).toHaveTextContent('dev valid'));
  });

  it('keeps the latest read when an earlier one finishes after it', async () => {
    const popup = load();
    await popup.start();
    popup.render();
    popup.storage.holdSessionReads(true);
    await popup.act(() => popup.storage.api.storage.session.set({ [credentialsKey('dev')]: sampleCredentials(Date.now() - 1000) }));
    await popup.act(() => popup.storage.api.storage.session.set({ [credentialsKey('dev')]: sampleCredentials(Date.now() + 3600_000) }));
    await popup.act(async () => popup.storage.release(1));
    await popup.waitFor(() => expect(popup.status()).toHaveTextContent('dev valid'));
    await popup.act(async () => popup.storage.release(0));
    await popup.act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(popup.status()).toHaveTextContent('dev valid');
  });

  it('reads the configuration the background published, without asking the background', async () => {
    const popup = load();
    await popup.start();
    popup.render();
    expect(popup.status()).toHaveTextContent('dev signed-out');
    expect(popup.storage.messages).toEqual([]);
  });

  it('wakes the background when nothing is published yet (a browser start) and renders what it publishes', async () => {
    const popup = load({ publishedAtStart: false });
    await popup.start();
    popup.render();
    expect(popup.storage.messages).toEqual([{ action: 'resume', payload: {} }]);
    expect(popup.renders[0]?.providers.map((provider) => provider.profiles.length)).toEqual([2, 0]);
    expect(popup.status()).toHaveTextContent('dev signed-out');
  });

  it('drops the credentials of a cleared session at once, keeping the configuration until it is published again', async () => {
    const popup = load();
    await popup.act(() => popup.storage.api.storage.session.set({ [credentialsKey('dev')]: sampleCredentials(Date.now() + 3600_000) }));
    await popup.start();
    popup.render();
    expect(popup.status()).toHaveTextContent('dev valid');
    await popup.act(() => popup.storage.clearSession());
    await popup.waitFor(() => expect(popup.status()).toHaveTextContent('dev signed-out'));
  });

  it('still loads when rendered without startPopupView', async () => {
    const popup = load();
    popup.render();
    expect(popup.status()).toHaveTextContent('loading');
    await popup.waitFor(() => expect(popup.status()).toHaveTextContent('dev signed-out'));
  });
});
