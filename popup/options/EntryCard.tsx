/**
 * One provider or profile in the options editor: its title, where it comes from, the actions on
 * it (move, delete) and its fields. Entries set by the organization are read-only.
 */
import type { ComponentChildren } from 'preact';
import { SourceContext } from './editor-context';

/** Props of {@link EntryCard}. */
export interface EntryCardProps {
  kind: 'Provider' | 'Profile';
  title: string;
  managed?: boolean;
  /** Set when a managed entry with the same id wins over this local one. */
  overridden?: boolean;
  onMove?(delta: -1 | 1): void;
  onDelete?(): void;
  first?: boolean;
  last?: boolean;
  children: ComponentChildren;
  /** Shown below the fields and usable even on read-only entries (e.g. "Test sign-in"). */
  footer?: ComponentChildren;
}

/** A card for one entry. */
export function EntryCard({ kind, title, managed, overridden, onMove, onDelete, first, last, children, footer }: EntryCardProps) {
  const label = `${kind} ${title}`;
  return (
    <article class={`entry${managed ? ' managed' : ''}${overridden ? ' overridden' : ''}`} aria-label={label}>
      <header>
        <h3>
          {title}
          {managed && <span class="badge">Set by your organization</span>}
        </h3>
        {!managed && (
          <div class="actions">
            <button type="button" onClick={() => onMove?.(-1)} disabled={first} aria-label={`Move ${label} up`}>↑</button>
            <button type="button" onClick={() => onMove?.(1)} disabled={last} aria-label={`Move ${label} down`}>↓</button>
            <button type="button" class="danger" onClick={onDelete} aria-label={`Delete ${label}`}>Delete</button>
          </div>
        )}
      </header>
      {managed && <p class="hint">Your organization's policy sets this entry; it cannot be changed here.</p>}
      {overridden && <p class="note" role="note">Your organization's policy has an entry with this id, and it is used instead of this one.</p>}
      <SourceContext.Provider value={managed ? 'managed' : 'local'}>
        <fieldset class="entry-fields" disabled={managed}>
          <legend class="visually-hidden">{label}</legend>
          {children}
        </fieldset>
      </SourceContext.Provider>
      {footer}
    </article>
  );
}
