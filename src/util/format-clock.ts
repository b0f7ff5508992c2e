/**
 * A time of day as people read it on their own clock: "14:05" or "2:05 PM".
 */

/** Formats epoch milliseconds as hours and minutes in the local zone and locale. */
export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
