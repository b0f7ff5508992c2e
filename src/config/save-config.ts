/**
 * Saving the user's configuration: all or nothing. A draft with any error is refused and listed
 * with paths; a draft is also refused when the stored document changed since the page read it,
 * so one tab never overwrites what another saved. What is stored is the draft at the current
 * format version, written with one single-key write.
 */
import { migrateConfigDocument } from './migrations';
import type { ConfigStorage } from './migrations';
import type { ConfigProblem } from './types';
import { validateConfiguration } from './validate-configuration';

/** The verdict on a save. */
export type SaveResult = { ok: true; document: unknown; warnings: ConfigProblem[] } | { ok: false; problems: string[] };

/** JSON equality regardless of key order. */
export function sameDocument(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(canonical)
    : typeof value === 'object' && value !== null ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
    : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Checks a draft and brings it to the current format version, without storing anything. */
export function prepareSave(draft: unknown, managed: unknown): SaveResult {
  const problems = validateConfiguration(managed, draft).problems.filter((problem) => problem.source === 'local');
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length) return { ok: false, problems: errors.map((problem) => `${problem.path}: ${problem.message}`) };
  return { ok: true, document: migrateConfigDocument(draft).document, warnings: problems.filter((problem) => problem.severity === 'warning') };
}

/**
 * Stores `draft` under `key` if it is clean and the stored document is still `baseline`.
 * Nothing is written otherwise, and a failed write leaves the stored document as it was.
 */
export async function saveConfig(storage: ConfigStorage, key: string, draft: unknown, managed: unknown, baseline: unknown): Promise<SaveResult> {
  const prepared = prepareSave(draft, managed);
  if (!prepared.ok) return prepared;
  if (!sameDocument(await storage.get(key), baseline)) {
    return { ok: false, problems: ['(document): the stored configuration changed since this page loaded it (saved or imported elsewhere); reload the page to see it, then make your changes again'] };
  }
  try {
    await storage.set(key, prepared.document);
  } catch (error) {
    return { ok: false, problems: [`(document): could not be stored (${error instanceof Error ? error.message : String(error)}); nothing was changed`] };
  }
  return prepared;
}
