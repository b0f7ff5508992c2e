/**
 * The profiles (one IAM role each): those set by the organization (read-only), then the user's
 * own, editable and in the popup's order.
 */
import { EntryCard } from './EntryCard';
import { ProfileFields } from './ProfileFields';

/** Props of {@link ProfileList}. */
export interface ProfileListProps {
  managed: readonly unknown[];
  local: readonly unknown[];
  providerIds: readonly string[];
  onEdit(index: number, field: readonly string[], value: unknown): void;
  onMove(index: number, delta: -1 | 1): void;
  onDelete(index: number): void;
  onAdd(): void;
}

const asEntry = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const titleOf = (entry: Record<string, unknown>) => String(entry.name || entry.id || 'New profile');

/** Every profile with its editor. */
export function ProfileList(props: ProfileListProps) {
  const managedIds = props.managed.map((entry) => asEntry(entry).id);
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Profiles</h2>
      <p class="hint">One per IAM role. Profiles listed in a provider's roles claim appear in the popup after sign-in without being added here.</p>
      {props.managed.map((raw, index) => (
        <EntryCard key={`managed-${index}`} kind="Profile" title={titleOf(asEntry(raw))} managed>
          <ProfileFields entry={asEntry(raw)} path={`profiles[${index}]`} providerIds={props.providerIds} onChange={() => undefined} />
        </EntryCard>
      ))}
      {props.local.map((raw, index) => {
        const entry = asEntry(raw);
        return (
          <EntryCard key={`local-${index}`} kind="Profile" title={titleOf(entry)} overridden={managedIds.includes(entry.id)}
            first={index === 0} last={index === props.local.length - 1} onMove={(delta) => props.onMove(index, delta)} onDelete={() => props.onDelete(index)}>
            <ProfileFields entry={entry} path={`profiles[${index}]`} providerIds={props.providerIds} onChange={(field, value) => props.onEdit(index, field, value)} />
          </EntryCard>
        );
      })}
      <button type="button" onClick={props.onAdd} disabled={props.providerIds.length === 0}>Add profile</button>
      {props.providerIds.length === 0 && <span class="hint"> Add a provider first.</span>}
    </section>
  );
}
