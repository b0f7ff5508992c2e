/**
 * Sharing work between concurrent callers, in the two shapes the background needs.
 */

/**
 * Wraps a task so that calls made while it runs share one more run after it, never a pile of them.
 * Every caller's promise settles after a run that started after the call.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    next ??= running.catch(() => undefined).then(() => {
      next = undefined;
      return start();
    });
    return next;
  };
}

/**
 * Keyed single flight: a call for a key while that key's run is under way shares its promise
 * instead of starting another; once it settles, the next call starts afresh.
 */
export function singleFlight<T>(): (key: string, start: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, start) => {
    const current = running.get(key);
    if (current) return current;
    const started = start().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
