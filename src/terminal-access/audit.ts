/**
 * The popup's list of recent terminal requests: who asked for which profile, when, and how it
 * ended. Kept in `storage.session` (gone with the browser), newest first and bounded, and never
 * holding a credential: only the profile id, the time, the command and the outcome.
 */
import { terminalAuditKey } from '../storage/keys';
import type { TerminalAuditEntry } from '../storage/records';
import type { Store } from '../storage/store';

/** How many requests the popup can show; older ones drop off. */
export const AUDIT_LIMIT = 20;

/** The list with `entry` first, at most {@link AUDIT_LIMIT} long. */
export function withAuditEntry(list: readonly TerminalAuditEntry[] | undefined, entry: TerminalAuditEntry, limit = AUDIT_LIMIT): TerminalAuditEntry[] {
  return [entry, ...(list ?? [])].slice(0, limit);
}

/**
 * The audit list of one service worker. Each entry is a read, then a write of the whole list, so
 * two requests recorded at once would both read the old list and the later write would drop the
 * other's entry; entries are therefore written one after another, in the order they came.
 */
export function createTerminalAudit(store: Pick<Store, 'get' | 'set'>) {
  let last: Promise<void> = Promise.resolve();
  return {
    /** Adds one request to the list; settles once it is stored (or failed to be, which the next entry does not wait on). */
    record(entry: TerminalAuditEntry): Promise<void> {
      const write = last.then(async () => {
        const list = await store.get<TerminalAuditEntry[]>(terminalAuditKey);
        await store.set({ [terminalAuditKey]: withAuditEntry(Array.isArray(list) ? list : [], entry) });
      });
      last = write.catch(() => undefined);
      return write;
    },
  };
}
