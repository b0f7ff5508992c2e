/**
 * Waiting on state a real browser reaches in its own time (storage written by the background,
 * an alarm that fired), without a fixed sleep.
 */

/** Polls until `check` returns a value, or fails naming what it waited for. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeout = 60_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
