/**
 * Checks a configuration document before it replaces the user's own. All or nothing: a document
 * with any error is refused whole, so what was stored keeps working.
 */
import type { ConfigDocument, ConfigProblem } from './types';
import { validateConfiguration } from './validate-configuration';

/** The verdict on an import. */
export type ImportResult =
  | { ok: true; document: ConfigDocument; warnings: ConfigProblem[]; providers: number; profiles: number }
  | { ok: false; problems: string[] };

/**
 * Parses and validates `text` as the user's configuration.
 * @param managed the policy in force, since local profiles may use managed providers
 */
export function checkConfigImport(text: string, managed: unknown): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(document): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  // `null` would pass validation as "no document" and then be stored as the user's configuration.
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, problems: ['(document): the configuration must be a JSON object with "providers" and "profiles" arrays'] };
  }
  const config = validateConfiguration(managed, document);
  const local = config.problems.filter((problem) => problem.source === 'local');
  const errors = local.filter((problem) => problem.severity === 'error');
  if (errors.length) return { ok: false, problems: errors.map((problem) => `${problem.path}: ${problem.message}`) };
  const parsed = document as ConfigDocument;
  return {
    ok: true,
    document: parsed,
    warnings: local.filter((problem) => problem.severity === 'warning'),
    providers: parsed.providers?.length ?? 0,
    profiles: parsed.profiles?.length ?? 0,
  };
}
