/**
 * Checking the user's configuration before it is saved: all or nothing. A draft with any error is
 * refused and listed with paths; what is saved is the draft at the current format version
 * (src/storage/config-document.ts stores it).
 */
import { canonicalJson } from '../util/canonical-json';
import { refusal } from './import-config';
import { migrateConfigDocument } from './migrations';
import type { ConfigProblem } from './types';
import { validateConfiguration } from './validate-configuration';

/** The verdict on a save; `toConfirm` as in an import's verdict (src/config/import-config.ts). */
export type SaveResult = { ok: true; document: unknown; warnings: ConfigProblem[] } | { ok: false; problems: string[]; toConfirm?: string[] };

/** JSON equality regardless of key order. */
export function sameDocument(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Checks a draft and brings it to the current format version, without storing anything.
 * @param confirmedOrigins origins the user has confirmed for endpoints of their own document
 */
export function prepareSave(draft: unknown, managed: unknown, confirmedOrigins: readonly string[] = []): SaveResult {
  const problems = validateConfiguration(managed, draft, confirmedOrigins).problems.filter((problem) => problem.source === 'local');
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length) return refusal(errors);
  return { ok: true, document: migrateConfigDocument(draft).document, warnings: problems.filter((problem) => problem.severity === 'warning') };
}
