/**
 * Save and discard, and what the last save attempt said: saved, or every problem with its path
 * and nothing changed.
 */

import { ConfirmOrigins } from './ConfirmOrigins';

/** The outcome of the last save attempt. */
export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; warnings: string[] } | { kind: 'refused'; problems: string[]; toConfirm?: string[] };

/** Props of {@link SaveBar}. */
export interface SaveBarProps {
  dirty: boolean;
  status: SaveStatus;
  /** Saves; `confirm` holds the origins the user just trusted by clicking the button naming them. */
  onSave(confirm?: string[]): void;
  onDiscard(): void;
}

/** The bar under the editor. */
export function SaveBar({ dirty, status, onSave, onDiscard }: SaveBarProps) {
  return (
    <div class="save-bar">
      <div class="actions">
        <button type="button" class="primary" onClick={() => onSave()} disabled={!dirty || status.kind === 'saving'}>Save</button>
        <button type="button" onClick={onDiscard} disabled={!dirty || status.kind === 'saving'}>Discard changes</button>
        {dirty && status.kind !== 'refused' && <span class="hint">Unsaved changes</span>}
      </div>
      {status.kind === 'saved' && (
        <p role="status" class="success">
          Saved.{status.warnings.map((warning) => ` ${warning}.`).join('')}
        </p>
      )}
      {status.kind === 'refused' && (
        <div role="alert" class="error">
          <p>Not saved; nothing was changed. Fix these first:</p>
          <ul>{status.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
          {status.toConfirm && <ConfirmOrigins origins={status.toConfirm} action="save" onConfirm={() => onSave(status.toConfirm)} />}
        </div>
      )}
    </div>
  );
}
