/**
 * Brings the browser in line with storage: removes expired credentials, shows the badge and
 * title, sets the two alarms, and keeps the sign-in hint. Runs after every action and on every
 * worker start, so whatever was missed is put right by the next event.
 */
import { providerSessionKey } from '../storage/keys';
import { coalesce } from '../util/single-flight';
import { expireCredentials } from './expire-credentials';
import { indicatorState } from './indicator-state';
import { loadState } from './load-state';
import type { RefreshDeps } from './refresh-deps';
import { planRefresh } from './refresh-plan';
import { signedInHintKey } from '../storage/keys';

/** The one-shot alarm at the next due or expiry time. */
export const refreshAlarm = 'refresh/schedule';
/** The periodic alarm that keeps the badge's minutes current. */
export const badgeAlarm = 'refresh/badge';

/** Creates the reconcile step; calls made while one runs share a single next run. */
export function createReconciler(deps: RefreshDeps): () => Promise<void> {
  async function schedule(name: string, when: number | undefined, periodInMinutes?: number): Promise<void> {
    const existing = await deps.alarms.get(name);
    if (when === undefined) {
      if (existing) await deps.alarms.clear(name);
    } else if (periodInMinutes !== undefined ? existing?.periodInMinutes !== periodInMinutes : existing?.scheduledTime !== when) {
      await deps.alarms.create(name, when, periodInMinutes);
    }
  }

  return coalesce(async () => {
    const loaded = await loadState(deps);
    const { config, settings } = loaded;
    let { session } = loaded;
    const now = deps.now();
    const active = (await deps.idle.queryState(settings.idleThresholdMinutes * 60)) === 'active';
    let plan = planRefresh(config, settings, session, now);
    if (plan.expired.length) {
      await expireCredentials(deps, plan.expired, config, settings, session, active);
      session = await deps.readSession();
      plan = planRefresh(config, settings, session, now);
    }
    const indicator = indicatorState(config, session, now, deps.formatClock);
    await deps.indicator.show(indicator);
    await schedule(refreshAlarm, active ? plan.nextWakeActive : plan.nextWakeIdle);
    await schedule(badgeAlarm, indicator.text && indicator.text !== '!' ? now + 60_000 : undefined, 1);
    const signedIn = config.providers.filter((provider) => session[providerSessionKey(provider.id)] !== undefined).map((provider) => provider.id);
    const hint = (await deps.local.get<string[]>(signedInHintKey)) ?? [];
    if (hint.join('\n') !== signedIn.join('\n')) await deps.local.set({ [signedInHintKey]: signedIn });
  });
}
