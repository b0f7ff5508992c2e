/**
 * Keeps every pinned profile's credentials fresh while the user is at the browser. The schedule
 * lives in storage and in two alarms (src/refresh/reconcile.ts), never in memory: each entry point
 * reads storage, acts, and sets the alarms again, so a service worker stopped at any moment loses
 * nothing.
 */
import { ErrorCodes, ExtensionError } from '../errors';
import type { Profile } from '../config/types';
import { providerSessionKey } from '../storage/keys';
import type { ProviderSession } from '../storage/records';
import { createProviderRefresher } from './provider-refresh';
import { badgeAlarm, createReconciler, refreshAlarm } from './reconcile';
import type { IdleState, RefreshDeps } from './refresh-deps';
import { planRefresh } from './refresh-plan';
import { loadState } from './load-state';
import { refreshingKey, renewalKey, retryKey, signedInHintKey } from '../storage/keys';

/** What "Refresh now" did. */
export interface RefreshOutcome {
  refreshed: number;
  failed: number;
}

/** A change in `storage.session`, as `storage.onChanged` reports it. */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** Creates the service; build one per service worker start and call {@link start}. */
export function createRefreshService(deps: RefreshDeps) {
  const refresher = createProviderRefresher(deps);
  // Refresh runs in progress; each ends with a reconcile of its own.
  let runs = 0;

  const load = () => loadState(deps);
  const isActive = async (thresholdMinutes: number) => (await deps.idle.queryState(thresholdMinutes * 60)) === 'active';

  const reconcile = createReconciler(deps);

  /** Refreshes `profiles`; `loaded` is the state the caller has just read, which is not read again. */
  async function refresh(profiles: Profile[], manual: boolean, loaded: Awaited<ReturnType<typeof load>>) {
    runs += 1;
    try {
      return await refresher.refresh(profiles, loaded.config, loaded.settings, manual);
    } finally {
      runs -= 1;
      await reconcile();
    }
  }

  /** Refreshes what is due, unless the user is away: then nothing is refreshed for nobody. */
  async function runDue(): Promise<void> {
    const loaded = await load();
    const { config, settings, session } = loaded;
    const plan = planRefresh(config, settings, session, deps.now());
    if (plan.due.length && (await isActive(settings.idleThresholdMinutes))) await refresh(plan.due, false, loaded);
    else await reconcile();
  }

  /** Drops the schedule's records of providers signed out or signed in anew. */
  async function forget(providerIds: string[]): Promise<void> {
    const config = await deps.readConfiguration();
    const profiles = config.profiles.filter((profile) => providerIds.includes(profile.providerId));
    await deps.store.remove([...providerIds.map(renewalKey), ...profiles.flatMap((profile) => [retryKey(profile.id), refreshingKey(profile.id)])]);
    await Promise.all(providerIds.map((id) => deps.notifications.clear(id)));
  }

  return {
    /** Runs at every service worker start: applies the idle threshold and catches up on the schedule. */
    async start(): Promise<void> {
      const settings = await deps.readSettings();
      await deps.idle.setDetectionInterval(settings.idleThresholdMinutes * 60);
      await reconcile();
    },

    /** The browser started or the extension was installed or updated: session storage is new. */
    async onBrowserStart(): Promise<void> {
      const hint = (await deps.local.get<string[]>(signedInHintKey)) ?? [];
      const session = await deps.readSession();
      const lost = hint.filter((id) => session[providerSessionKey(id)] === undefined);
      if (lost.length) await deps.store.set(Object.fromEntries(lost.map((id) => [renewalKey(id), { state: 'cleared', at: deps.now() }])));
      await reconcile();
    },

    async onAlarm(name: string): Promise<void> {
      if (name === refreshAlarm) await runDue();
      else if (name === badgeAlarm) await reconcile();
    },

    /** Back at the browser: catch up at once. Away: keep only the expiry alarm. */
    async onIdleStateChanged(state: IdleState): Promise<void> {
      if (state === 'active') await runDue();
      else await reconcile();
    },

    /** Sign-in and sign-out (by the sign-in service or anyone) reshape the schedule. */
    async onSessionChanged(changes: StorageChanges): Promise<void> {
      const ended: string[] = [];
      for (const [key, change] of Object.entries(changes)) {
        if (!key.startsWith(providerSessionKey(''))) continue;
        const before = change.oldValue as ProviderSession | undefined;
        const after = change.newValue as ProviderSession | undefined;
        if (!after || before?.signedInAt !== after.signedInAt) ended.push(key.slice(providerSessionKey('').length));
      }
      if (ended.length) await forget(ended);
      if (runs === 0) await reconcile();
    },

    /** Configuration or settings changed. */
    async onSettingsChanged(): Promise<void> {
      const settings = await deps.readSettings();
      await deps.idle.setDetectionInterval(settings.idleThresholdMinutes * 60);
      await reconcile();
    },

    /**
     * "Refresh now": renews the ID token and gets new credentials for `profileIds`, or for every
     * profile of every signed-in provider. Clears retry waits and halts of those profiles.
     */
    async refreshNow(profileIds?: string[]): Promise<RefreshOutcome> {
      if (profileIds !== undefined && !(Array.isArray(profileIds) && profileIds.every((id) => typeof id === 'string'))) {
        throw new ExtensionError(ErrorCodes.configInvalid, 'Refresh now takes a list of profile ids.', { hint: 'Reload the extension.' });
      }
      const loaded = await load();
      const { config, session } = loaded;
      const signedIn = (profile: Profile) => session[providerSessionKey(profile.providerId)] !== undefined;
      const targets = profileIds === undefined ? config.profiles.filter(signedIn) : config.profiles.filter((profile) => profileIds.includes(profile.id));
      const unknown = profileIds?.find((id) => !targets.some((profile) => profile.id === id));
      if (unknown !== undefined) throw new ExtensionError(ErrorCodes.configInvalid, `No usable profile has id "${unknown}".`, { hint: 'Fix the profile in the options page.' });
      const ready = targets.filter(signedIn);
      if (ready.length === 0) throw new ExtensionError(ErrorCodes.notSignedIn, 'Nothing to refresh: sign in first.', { hint: 'Click Sign in.' });
      const waits = ready.map((profile) => retryKey(profile.id)).filter((key) => key in session);
      if (waits.length) await deps.store.remove(waits);
      const outcomes = await refresh(ready, true, loaded);
      const refreshed = outcomes.filter((outcome) => outcome.result === 'refreshed').length;
      // Skipped is no failure: the sign-in ended meanwhile, or the renewed token took the role away.
      const failed = outcomes.filter((outcome) => outcome.result === 'failed').length + targets.length - ready.length;
      return { refreshed, failed };
    },

    /** Runs the schedule now, as the `refresh` alarm does. */
    runDue,
  };
}

/** The service's interface, for the background and tests. */
export type RefreshService = ReturnType<typeof createRefreshService>;
