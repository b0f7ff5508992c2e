import { ExtensionError } from '../../../src/errors';

/** Awaits a promise that must reject with an {@link ExtensionError}, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<ExtensionError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ExtensionError)) throw new Error(`expected an ExtensionError, got ${String(outcome)}`);
  return outcome;
}
