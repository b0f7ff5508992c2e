/**
 * The browser around the background, in memory: session and local storage (with change events),
 * alarms that outlive the service worker, idle state, badge, notifications, and a service worker
 * that can be stopped at any moment and is started again by the next event, rebuilding every
 * service from storage exactly as the real background does. The IdP is a {@link SimulatedIdp};
 * STS is the AWS SDK talking to the STS stand-in.
 */
import type { ConfigDocument } from '../../../src/config/types';
import { validateConfiguration } from '../../../src/config/validate-configuration';
import { refreshIdToken } from '../../../src/oidc/refresh-id-token';
import { signInWithProvider } from '../../../src/oidc/sign-in';
import type { IdleState, Indicator, RefreshDeps } from '../../../src/refresh/refresh-deps';
import { createRefreshService } from '../../../src/refresh/refresh-service';
import type { StorageChanges } from '../../../src/refresh/refresh-service';
import { deriveSessionName } from '../../../src/sts/session-name';
import { validateSettings } from '../../../src/config/validate-settings';
import { withClaimedRoles } from '../../../src/sign-in/claimed-roles';
import { createSignInService } from '../../../src/sign-in/sign-in-service';
import { confirmedOrigins } from '../../sandbox/sandbox-config.mjs';
import type { Store } from '../../../src/storage/store';
import { sendAssumeRole } from '../../../src/sts/assume-role';
import { seededRandom } from './seeded-random';
import type { SimulatedIdp } from './simulated-idp';

/** Options of {@link simulatedBrowser}. */
export interface SimulatedBrowserOptions {
  document: ConfigDocument;
  settings?: Record<string, unknown>;
  idps: SimulatedIdp[];
  redirectUri: string;
  seed?: number;
}

/** Everything the simulated browser holds. */
export function simulatedBrowser(options: SimulatedBrowserOptions) {
  const session = new Map<string, unknown>();
  // The user confirmed the local STS stand-ins, as they would in the options page.
  const confirmed = confirmedOrigins(options.document);
  const local = new Map<string, unknown>([['config', options.document], ['settings', options.settings ?? {}], ['trusted-endpoints', confirmed]]);
  const alarms = new Map<string, { scheduledTime: number; periodInMinutes?: number }>();
  const indicators: Indicator[] = [];
  const notifications = new Map<string, { title: string; message: string }>();
  const notificationLog: { at: number; providerId: string; title: string; message: string }[] = [];
  const errors: unknown[] = [];
  const pending = new Set<Promise<unknown>>();
  // Deterministic jitter, so a failing simulation replays from its seed.
  const random = seededRandom(options.seed ?? 1);
  let idleState: IdleState = 'active';
  let detectionSeconds = 60;
  let worker: ReturnType<typeof createWorker> | undefined;
  let workerStarts = 0;

  const idpFor = (issuer: string) => {
    const idp = options.idps.find((candidate) => candidate.issuer === issuer);
    if (!idp) throw new Error(`no simulated IdP for ${issuer}`);
    return idp;
  };
  const flowDeps = (issuer: string) => ({ fetch: idpFor(issuer).fetch, launchWebAuthFlow: idpFor(issuer).launchWebAuthFlow, redirectUri: options.redirectUri });

  function track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => pending.delete(tracked));
    pending.add(tracked);
    tracked.catch((error: unknown) => errors.push(error));
    return tracked;
  }

  /** Delivers a browser event to the service worker, starting one (and its start-up) if stopped. */
  function dispatch<T>(handler: (running: ReturnType<typeof createWorker>) => Promise<T>): Promise<T> {
    return track(Promise.resolve().then(() => handler(ensureWorker())));
  }

  function emit(changes: StorageChanges): void {
    if (Object.keys(changes).length) void dispatch((running) => running.refresh.onSessionChanged(changes));
  }

  const store: Store = {
    get: async <T>(key: string) => structuredClone(session.get(key)) as T | undefined,
    getMany: async (keys) => structuredClone(Object.fromEntries(keys.filter((key) => session.has(key)).map((key) => [key, session.get(key)]))),
    set: async (entries) => {
      const changes: StorageChanges = {};
      for (const [key, value] of Object.entries(entries)) {
        changes[key] = { oldValue: session.get(key), newValue: structuredClone(value) };
        session.set(key, structuredClone(value));
      }
      emit(changes);
    },
    remove: async (keys) => {
      const changes: StorageChanges = {};
      for (const key of keys.filter((candidate) => session.has(candidate))) {
        changes[key] = { oldValue: session.get(key) };
        session.delete(key);
      }
      emit(changes);
    },
    clear: async () => {
      const changes: StorageChanges = Object.fromEntries([...session].map(([key, value]) => [key, { oldValue: value }]));
      session.clear();
      emit(changes);
    },
  };

  function createWorker() {
    // As src/adapters/configuration.ts: validated, with the roles tokens listed made into profiles.
    const readConfiguration = async () => withClaimedRoles(validateConfiguration(undefined, structuredClone(local.get('config')), local.get('trusted-endpoints') as string[]), structuredClone(Object.fromEntries(session)));
    const deps: RefreshDeps = {
      readConfiguration,
      readSettings: async () => validateSettings(undefined, structuredClone(local.get('settings'))).settings,
      store,
      readSession: async () => structuredClone(Object.fromEntries(session)),
      local: {
        get: async <T>(key: string) => structuredClone(local.get(key)) as T | undefined,
        set: async (items) => {
          for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
        },
      },
      refreshIdToken: (provider, refreshToken) => refreshIdToken(provider, refreshToken, { fetch: idpFor(provider.issuer).fetch }),
      silentSignIn: (provider) => signInWithProvider(provider, flowDeps(provider.issuer), false),
      assumeRole: sendAssumeRole,
      deriveSessionName,
      alarms: {
        get: async (name) => structuredClone(alarms.get(name)),
        create: async (name, when, periodInMinutes) => {
          alarms.set(name, periodInMinutes === undefined ? { scheduledTime: when } : { scheduledTime: when, periodInMinutes });
        },
        clear: async (name) => {
          alarms.delete(name);
        },
      },
      idle: {
        queryState: async () => idleState,
        setDetectionInterval: async (seconds) => {
          detectionSeconds = seconds;
        },
      },
      indicator: { show: async (indicator) => void indicators.push(indicator) },
      notifications: {
        askToSignIn: async (providerId, title, message) => {
          notifications.set(providerId, { title, message });
          notificationLog.push({ at: Date.now(), providerId, title, message });
        },
        clear: async (providerId) => void notifications.delete(providerId),
      },
      now: () => Date.now(),
      random,
      formatClock: (epochMs) => new Date(epochMs).toISOString().slice(11, 16),
    };
    const signIn = createSignInService({
      readConfiguration,
      store,
      signIn: (provider, interactive) => signInWithProvider(provider, flowDeps(provider.issuer), interactive),
      assumeRole: sendAssumeRole,
      deriveSessionName,
      now: () => Date.now(),
    });
    return { refresh: createRefreshService(deps), signIn };
  }

  function ensureWorker() {
    if (!worker) {
      worker = createWorker();
      workerStarts += 1;
      // The top-level code of a new worker: it starts while the waking event is handled.
      void track(worker.refresh.start());
    }
    return worker;
  }

  return {
    session,
    local,
    alarms,
    indicators,
    notifications,
    notificationLog,
    errors,
    idleState: () => idleState,
    detectionSeconds: () => detectionSeconds,
    workerStarts: () => workerStarts,
    workerRunning: () => worker !== undefined,

    /** Waits until every event in flight (and every event they caused) is handled. */
    async settle(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    /** Stops the service worker as Chrome does: whatever it held in memory is gone. */
    stopWorker(): void {
      worker = undefined;
    },
    /** A message from the popup (or any page) to the background. */
    message: <T>(handler: (running: ReturnType<typeof createWorker>) => Promise<T>) => dispatch(handler),
    /** Fires every alarm that is due, as Chrome does, and returns their names. */
    fireDueAlarms(): string[] {
      const now = Date.now();
      const due = [...alarms].filter(([, alarm]) => alarm.scheduledTime <= now);
      for (const [name, alarm] of due) {
        if (alarm.periodInMinutes === undefined) alarms.delete(name);
        else alarms.set(name, { ...alarm, scheduledTime: now + alarm.periodInMinutes * 60_000 });
        void dispatch((running) => running.refresh.onAlarm(name));
      }
      return due.map(([name]) => name);
    },
    /** The idle API's state changes, and its event fires. */
    setIdleState(state: IdleState): void {
      if (state === idleState) return;
      idleState = state;
      void dispatch((running) => running.refresh.onIdleStateChanged(state));
    },
    /** Clicks "Sign in" on the notification of a provider. */
    clickNotification(providerId: string): Promise<unknown> {
      return dispatch((running) => running.signIn.signIn(providerId));
    },
    /** The browser restarts: session storage and the worker are gone, the alarms too (Chrome may drop them). */
    restartBrowser(): void {
      session.clear();
      alarms.clear();
      worker = undefined;
      void dispatch((running) => running.refresh.onBrowserStart());
    },
    /** The user's configuration document changes (an edit, an import); the background re-plans. */
    setDocument(document: ConfigDocument): void {
      local.set('config', structuredClone(document));
      void dispatch((running) => running.refresh.onSettingsChanged());
    },
    /** The user changes settings in the options page. */
    setSettings(settings: Record<string, unknown>): void {
      local.set('settings', settings);
      void dispatch((running) => running.refresh.onSettingsChanged());
    },
    nextAlarm(): number | undefined {
      const times = [...alarms.values()].map((alarm) => alarm.scheduledTime);
      return times.length ? Math.min(...times) : undefined;
    },
  };
}

/** The simulated browser's interface. */
export type SimulatedBrowser = ReturnType<typeof simulatedBrowser>;
