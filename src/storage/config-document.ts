/**
 * The user's configuration document in `storage.local`: saved all or nothing, and migrated in
 * place on install and update. A save is refused when the stored document changed since the
 * page read it, so one tab never overwrites what another saved; each write is one single-key write.
 */
import { checkConfigImport } from '../config/import-config';
import type { ImportResult } from '../config/import-config';
import { migrateConfigDocument } from '../config/migrations';
import type { MigrationResult } from '../config/migrations';
import { prepareSave, sameDocument } from '../config/save-config';
import type { SaveResult } from '../config/save-config';
import { localConfigKey } from './keys';
import type { Store } from './store';
import { addTrustedOrigins, readTrustedOrigins } from './trusted-endpoints';

/** The part of `storage.local` these operations use. */
export type ConfigDocumentStore = Pick<Store, 'get' | 'set'>;

/** Migrates the stored document in place; a document that needs nothing is not rewritten. */
export async function migrateStoredConfig(store: ConfigDocumentStore): Promise<MigrationResult> {
  const result = migrateConfigDocument(await store.get(localConfigKey));
  if (result.changed) await store.set({ [localConfigKey]: result.document });
  return result;
}

/**
 * Stores `draft` as the user's document if it is clean and the stored document is still `baseline`.
 * Nothing is written otherwise, and a failed write leaves the stored document as it was.
 * @param confirm origins the user confirmed just now, by a click naming each; stored with the save
 */
export async function saveConfig(store: ConfigDocumentStore, draft: unknown, managed: unknown, baseline: unknown, confirm: readonly string[] = []): Promise<SaveResult> {
  const trusted = [...await readTrustedOrigins(store), ...confirm];
  const prepared = prepareSave(draft, managed, trusted);
  if (!prepared.ok) return prepared;
  if (!sameDocument(await store.get(localConfigKey), baseline)) {
    return { ok: false, problems: ['(document): the stored configuration changed since this page loaded it (saved or imported elsewhere); reload the page to see it, then make your changes again'] };
  }
  try {
    // The confirmation first: a document stored without it would sit out of service.
    if (confirm.length) await addTrustedOrigins(store, confirm);
    await store.set({ [localConfigKey]: prepared.document });
  } catch (error) {
    return { ok: false, problems: [`(document): could not be stored (${error instanceof Error ? error.message : String(error)}); nothing was changed`] };
  }
  return prepared;
}

/**
 * Imports `text` as the user's document when it is clean. Origins the user confirmed just now
 * (`confirm`, each named to them) are stored first; the import itself never trusts a host.
 */
export async function importConfig(store: ConfigDocumentStore, text: string, managed: unknown, confirm: readonly string[] = []): Promise<ImportResult> {
  const result = checkConfigImport(text, managed, [...await readTrustedOrigins(store), ...confirm]);
  if (!result.ok) return result;
  if (confirm.length) await addTrustedOrigins(store, confirm);
  await store.set({ [localConfigKey]: migrateConfigDocument(result.document).document });
  return result;
}
