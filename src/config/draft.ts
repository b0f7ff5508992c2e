/**
 * Edits of a configuration document as the options page makes them: every edit returns a new
 * document and keeps whatever the editor does not know (fields of newer versions, other
 * branches' settings), so saving never drops a field the user did not touch.
 */
import type { ConfigProblem } from './types';

/** The two lists of a document. */
export type EntryKind = 'providers' | 'profiles';

/** A document being edited: both lists present, every other top-level field kept as it was. */
export interface Draft {
  [key: string]: unknown;
  providers: unknown[];
  profiles: unknown[];
}

type Entry = Record<string, unknown>;

const isObject = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A draft of a stored document; anything unusable starts as an empty document. */
export function draftFrom(document: unknown): Draft {
  // Configuration is JSON (storage holds nothing else), so a JSON copy is a full copy.
  const base: Entry = isObject(document) ? (JSON.parse(JSON.stringify(document)) as Entry) : {};
  return {
    ...base,
    providers: Array.isArray(base.providers) ? base.providers : [],
    profiles: Array.isArray(base.profiles) ? base.profiles : [],
  };
}

function withList(draft: Draft, kind: EntryKind, list: unknown[]): Draft {
  return { ...draft, [kind]: list };
}

function setPath(entry: Entry, path: readonly string[], value: unknown): Entry {
  const [key, ...rest] = path;
  if (key === undefined) return entry;
  const next = { ...entry };
  const inner = rest.length ? setPath(isObject(entry[key]) ? entry[key] : {}, rest, value) : value;
  // Blank values and emptied nested objects leave the field out, so defaults apply.
  if (inner === undefined || inner === '' || (isObject(inner) && Object.keys(inner).length === 0)) delete next[key];
  else next[key] = inner;
  return next;
}

/**
 * Sets one field (`path` may reach into a nested object: `['rolesFromClaim', 'claim']`); a blank
 * value removes it. Renaming a provider renames it in the profiles that use it.
 */
export function setField(draft: Draft, kind: EntryKind, index: number, path: readonly string[], value: unknown): Draft {
  const entry = draft[kind][index];
  if (!isObject(entry)) return draft;
  let next = withList(draft, kind, draft[kind].map((item, at) => (at === index ? setPath(entry, path, value) : item)));
  const oldId = entry.id;
  if (kind === 'providers' && path.length === 1 && path[0] === 'id' && typeof oldId === 'string' && oldId !== '' && typeof value === 'string' && value !== '') {
    next = withList(next, 'profiles', next.profiles.map((profile) => (isObject(profile) && profile.provider === oldId ? { ...profile, provider: value } : profile)));
  }
  return next;
}

/** Appends an entry. */
export function addEntry(draft: Draft, kind: EntryKind, entry: Entry): Draft {
  return withList(draft, kind, [...draft[kind], entry]);
}

/** Removes an entry. */
export function removeEntry(draft: Draft, kind: EntryKind, index: number): Draft {
  return withList(draft, kind, draft[kind].filter((_item, at) => at !== index));
}

/** Moves an entry up (`-1`) or down (`+1`); the order is the order the popup shows. */
export function moveEntry(draft: Draft, kind: EntryKind, index: number, delta: -1 | 1): Draft {
  const target = index + delta;
  const list = [...draft[kind]];
  if (target < 0 || target >= list.length || index < 0 || index >= list.length) return draft;
  [list[index], list[target]] = [list[target], list[index]];
  return withList(draft, kind, list);
}

/** An id not yet taken: `base`, else `base-2`, `base-3`… */
export function freeId(base: string, taken: readonly string[]): string {
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The problems of one field or of anything nested under it (`providers[0].authParams` holds `…authParams.prompt`). */
export function problemsAt(problems: readonly ConfigProblem[], path: string): ConfigProblem[] {
  return problems.filter((problem) => problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`));
}

/** The ids of a list's entries that have one. */
export function idsOf(list: readonly unknown[]): string[] {
  return list.flatMap((entry) => (isObject(entry) && typeof entry.id === 'string' ? [entry.id] : []));
}
