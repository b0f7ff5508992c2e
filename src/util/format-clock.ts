/**
 * A time of day as people read it on their own clock: "14:05" or "2:05 PM".
 */

/**
 * Built once per service worker: making a formatter costs far more than using one, and the
 * tooltip formats many times. A worker lives minutes, so the next one sees a new time zone.
 */
let clock: Intl.DateTimeFormat | undefined;

/** Formats epoch milliseconds as hours and minutes in the local zone and locale. */
export function formatClock(epochMs: number): string {
  clock ??= new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
  return clock.format(epochMs);
}
