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

/** Adds one request to the list in `store`. */
export async function recordTerminalRequest(store: Store, entry: TerminalAuditEntry): Promise<void> {
  const list = await store.get<TerminalAuditEntry[]>(terminalAuditKey);
  await store.set({ [terminalAuditKey]: withAuditEntry(Array.isArray(list) ? list : [], entry) });
}
