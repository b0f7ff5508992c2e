/**
 * The profiles (one IAM role or identity pool each): those set by the organization (read-only),
 * then the user's own, editable and in the popup's order.
 */
import type { ProfileInput } from '../../src/config/types';
import { EntryCards } from './EntryCards';
import { IdentityPoolPicker } from './IdentityPoolPicker';
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
  /** Adds a profile built from the identity pool preset. */
  onAddPreset(profile: ProfileInput): void;
  /** Ids of every profile, managed and local, so a new one gets its own. */
  takenIds: readonly string[];
}

/** Every profile with its editor. */
export function ProfileList(props: ProfileListProps) {
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Profiles</h2>
      <p class="hint">One per IAM role. Profiles listed in a provider's roles claim appear in the popup after sign-in without being added here.</p>
      <EntryCards kind="Profile" managed={props.managed} local={props.local} untitled="New profile" onEdit={props.onEdit} onMove={props.onMove} onDelete={props.onDelete}
        fields={(entry, path, onChange) => <ProfileFields entry={entry} path={path} providerIds={props.providerIds} onChange={onChange} />} />
      <button type="button" onClick={props.onAdd} disabled={props.providerIds.length === 0}>Add profile</button>
      {props.providerIds.length === 0 && <span class="hint"> Add a provider first.</span>}
      <IdentityPoolPicker providerIds={props.providerIds} takenIds={props.takenIds} onAdd={props.onAddPreset} />
    </section>
  );
}
