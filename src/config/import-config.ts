/**
 * Checks a configuration document before it replaces the user's own. All or nothing: a document
 * with any error is refused whole, so what was stored keeps working.
 */
import type { ConfigDocument, ConfigProblem } from './types';
import { validateConfiguration } from './validate-configuration';

/**
 * The verdict on an import. When `toConfirm` is set, the only thing in the way is that the
 * document sends tokens to these origins, which the user has not confirmed: the page names them
 * and imports only after the user confirms each.
 */
export type ImportResult =
  | { ok: true; document: ConfigDocument; warnings: ConfigProblem[]; providers: number; profiles: number }
  | { ok: false; problems: string[]; toConfirm?: string[] };

/**
 * The refusal for a list of errors: with `toConfirm` when every error is an unconfirmed endpoint.
 * Shared by the import and the editor's save.
 */
export function refusal(errors: readonly ConfigProblem[]): { ok: false; problems: string[]; toConfirm?: string[] } {
  const problems = errors.map((problem) => `${problem.path}: ${problem.message}`);
  const origins = errors.map((problem) => problem.confirmOrigin);
  const confirmable = origins.every((origin): origin is string => origin !== undefined);
  return confirmable ? { ok: false, problems, toConfirm: [...new Set(origins)] } : { ok: false, problems };
}

/**
 * Parses and validates `text` as the user's configuration.
 * @param managed the policy in force, since local profiles may use managed providers
 * @param confirmedOrigins origins the user has confirmed (stored, or just now in the import)
 */
export function checkConfigImport(text: string, managed: unknown, confirmedOrigins: readonly string[] = []): ImportResult {
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
  const config = validateConfiguration(managed, document, confirmedOrigins);
  const local = config.problems.filter((problem) => problem.source === 'local');
  const errors = local.filter((problem) => problem.severity === 'error');
  if (errors.length) return refusal(errors);
  const parsed = document as ConfigDocument;
  return {
    ok: true,
    document: parsed,
    warnings: local.filter((problem) => problem.severity === 'warning'),
    providers: parsed.providers?.length ?? 0,
    profiles: parsed.profiles?.length ?? 0,
  };
}
