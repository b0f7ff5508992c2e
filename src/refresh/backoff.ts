/**
 * When to try again after a transient failure: exponential backoff with jitter, so that many
 * browsers failing together (an IdP outage, STS throttling) do not come back in lockstep.
 */

/** The first retry waits this long; also the shortest alarm Chrome allows a packed extension. */
export const retryBaseMs = 30_000;
/** The nominal delay stops doubling here, so a recovered service is used again within minutes. */
export const retryCapMs = 120_000;
/** Jitter adds up to this fraction of the nominal delay. */
export const retryJitter = 0.5;

/**
 * Delay before retry number `attempt` (1 for the first retry): 30 s, 60 s, 120 s, 120 s, …,
 * each stretched by a random 0–50 %. Never below 30 s, never above 180 s.
 * @param random a number in [0, 1), `Math.random` in the extension
 */
export function retryDelayMs(attempt: number, random: () => number): number {
  const nominal = Math.min(retryCapMs, retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 + retryJitter * random()));
}

/** The longest possible delay, for the bound on how long a recovered service waits to be used. */
export const retryMaxDelayMs = retryCapMs * (1 + retryJitter);
