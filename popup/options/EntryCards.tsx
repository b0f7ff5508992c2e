/**
 * The cards of one list of the options page (providers or profiles): those set by the
 * organization, read-only, then the user's own, editable and in the popup's order.
 */
import type { ComponentChildren } from 'preact';
import { EntryCard } from './EntryCard';
import type { EntryCardProps } from './EntryCard';

/** An entry as the editor holds it: an object, whatever the document said. */
export type Entry = Record<string, unknown>;

/** Where an entry comes from. */
export type EntrySource = 'managed' | 'local';

/** Props of {@link EntryCards}. */
export interface EntryCardsProps {
  kind: EntryCardProps['kind'];
  managed: readonly unknown[];
  local: readonly unknown[];
  /** The title of an entry with neither name nor id yet. */
  untitled: string;
  onEdit(index: number, field: readonly string[], value: unknown): void;
  onMove(index: number, delta: -1 | 1): void;
  onDelete(index: number): void;
  /** The fields of an entry; `onChange` does nothing for the organization's. */
  fields(entry: Entry, path: string, onChange: (field: readonly string[], value: unknown) => void): ComponentChildren;
  /** Shown below the fields, on read-only entries too. */
  footer?(entry: Entry, source: EntrySource): ComponentChildren;
}

const asEntry = (value: unknown): Entry => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Entry) : {});

/** What a card is titled: the entry's name, else its id, else `untitled`. */
export const entryTitle = (entry: Entry, untitled: string): string => String(entry.name || entry.id || untitled);

/** Every entry of one list, each in its card. */
export function EntryCards({ kind, managed, local, untitled, onEdit, onMove, onDelete, fields, footer }: EntryCardsProps) {
  const path = (index: number) => `${kind === 'Provider' ? 'providers' : 'profiles'}[${index}]`;
  const managedIds = managed.map((raw) => asEntry(raw).id);
  return (
    <>
      {managed.map((raw, index) => {
        const entry = asEntry(raw);
        return (
          <EntryCard key={`managed-${index}`} kind={kind} title={entryTitle(entry, untitled)} managed footer={footer?.(entry, 'managed')}>
            {fields(entry, path(index), () => undefined)}
          </EntryCard>
        );
      })}
      {local.map((raw, index) => {
        const entry = asEntry(raw);
        return (
          <EntryCard key={`local-${index}`} kind={kind} title={entryTitle(entry, untitled)} overridden={managedIds.includes(entry.id)}
            first={index === 0} last={index === local.length - 1} onMove={(delta) => onMove(index, delta)} onDelete={() => onDelete(index)} footer={footer?.(entry, 'local')}>
            {fields(entry, path(index), (field, value) => onEdit(index, field, value))}
          </EntryCard>
        );
      })}
    </>
  );
}
