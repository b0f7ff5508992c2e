/**
 * A Manifest V3 worker can be stopped at any moment, in the middle of a sign-in. What it was
 * doing lives only in its memory, so a status it left "busy" would spin in the popup forever.
 * At start-up the new worker turns every such status into a clear error; tokens and credentials
 * already stored are untouched, as each was written whole with its status.
 */
import { ErrorCodes } from '../errors';
import type { Store } from '../storage/store';
import type { ActivityStatus } from '../storage/records';

const statusPrefixes = ['provider-status/', 'profile-status/'];

/**
 * Marks busy statuses written before `startedAt` (by a worker that is gone) as interrupted.
 * @param items everything in session storage
 * @returns how many statuses were settled
 */
export async function recoverInterrupted(items: Record<string, unknown>, store: Pick<Store, 'set'>, startedAt: number, now: number): Promise<number> {
  const settled: Record<string, ActivityStatus> = {};
  for (const [key, value] of Object.entries(items)) {
    const status = value as Partial<ActivityStatus> | null;
    if (!statusPrefixes.some((prefix) => key.startsWith(prefix)) || status?.state !== 'busy') continue;
    if (typeof status.updatedAt === 'number' && status.updatedAt >= startedAt) continue;
    const isProvider = key.startsWith('provider-status/');
    settled[key] = {
      state: 'error',
      updatedAt: now,
      error: {
        code: ErrorCodes.interrupted,
        message: `${isProvider ? 'The sign-in' : 'Getting AWS credentials'} was interrupted: the extension's background stopped before it finished.`,
        hint: 'Click Sign in again. Credentials you already had are kept until they expire.',
      },
    };
  }
  const count = Object.keys(settled).length;
  if (count) await store.set(settled);
  return count;
}
