/**
 * Versions of the configuration format and the migrations between them. Version 1 is the first
 * format, written without `schemaVersion`. A migration never reorders or drops entries, so the
 * paths of problems stay those of the document the user wrote, and never changes what a field
 * means; it runs on install and update for the stored document, and in memory for policy, which
 * the extension cannot rewrite.
 */

/** The version this extension writes. */
export const currentSchemaVersion = 2;

type Document = Record<string, unknown>;

/** `migrations[n]` turns a version-n document into a version n+1 document. */
const migrations: Readonly<Record<number, (document: Document) => Document>> = {
  // 2 adds optional fields only (flows, presets, roles from a claim, session policies, …): every
  // version-1 document means the same in version 2, so the stamp is the whole migration.
  1: (document) => ({ ...document, schemaVersion: 2 }),
};

/** What a migration did. */
export interface MigrationResult {
  document: unknown;
  /** The version the document had (1 when it had none). */
  from: number;
  /** The version it has now; equal to `from` when nothing could or needed to be done. */
  to: number;
  changed: boolean;
}

/** Says what is wrong with a `schemaVersion` value, or nothing when it is usable. */
export function checkSchemaVersion(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return `must be a whole number from 1 to ${currentSchemaVersion} (got ${JSON.stringify(value)})`;
  if (value > currentSchemaVersion) {
    return `is ${value}, written by a newer version of the extension (this one reads up to ${currentSchemaVersion}); update the extension`;
  }
  return undefined;
}

/** Brings a configuration document to {@link currentSchemaVersion}; anything unreadable is returned untouched. */
export function migrateConfigDocument(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { document: raw, from: 1, to: 1, changed: false };
  const stated = (raw as Document).schemaVersion;
  if (stated !== undefined && checkSchemaVersion(stated) !== undefined) {
    const version = typeof stated === 'number' ? stated : 1;
    return { document: raw, from: version, to: version, changed: false };
  }
  const from = typeof stated === 'number' ? stated : 1;
  let document = raw as Document;
  let version = from;
  while (version < currentSchemaVersion) {
    const step = migrations[version];
    if (!step) break;
    document = step(document);
    version += 1;
  }
  return { document, from, to: version, changed: version !== from };
}
