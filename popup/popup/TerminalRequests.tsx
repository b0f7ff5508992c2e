/**
 * The popup's list of recent terminal requests (profile, when, which command, how it ended),
 * from `storage.session` (src/terminal-access/audit.ts). Shown only once a terminal has asked.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TerminalAuditEntry } from '../../src/storage/records';

/** Props of {@link TerminalRequests}. */
export interface TerminalRequestsProps {
  load(): Promise<TerminalAuditEntry[] | undefined>;
  /** Calls back on storage changes; returns the unsubscribe function. */
  subscribe(callback: () => void): () => void;
  /** "14:05" for a time. */
  formatTime(epochMs: number): string;
}

const outcomes: Record<string, string> = {
  served: 'served',
  'not-allowed': 'refused: not allowed',
  'not-signed-in': 'refused: not signed in',
  'needs-interactive-sign-in': 'refused: sign-in needed',
  'unknown-profile': 'refused: no such profile',
  'refresh-failed': 'failed: renewal failed',
};

/** The list, collapsed under a summary. */
export function TerminalRequests({ load, subscribe, formatTime }: TerminalRequestsProps) {
  const [entries, setEntries] = useState<TerminalAuditEntry[]>([]);
  useEffect(() => {
    let alive = true;
    const reload = () => void load().then((list) => alive && setEntries(Array.isArray(list) ? list : []));
    reload();
    const unsubscribe = subscribe(reload);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [load, subscribe]);
  if (entries.length === 0) return null;
  return (
    <details class="terminal-requests">
      <summary>Recent terminal requests ({entries.length})</summary>
      <ul aria-label="Recent terminal requests">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time> <strong>{entry.profileId}</strong> <code>{entry.command}</code>{' '}
            <span class={entry.outcome === 'served' ? 'ok' : 'refused'}>{outcomes[entry.outcome] ?? entry.outcome}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
