/**
 * Reads the fields of one untyped configuration entry, recording a problem for every field that
 * is missing, of the wrong type or fails its check, so one pass reports everything at once.
 */
import type { ConfigProblem, ConfigSource } from './types';

/** Returns a message when the value is wrong, or nothing when it is fine. */
export type Check<T> = (value: T) => string | undefined;

/** Typed access to one entry's fields, collecting problems along the way. */
export class EntryReader {
  readonly problems: ConfigProblem[];
  private readonly entry: Record<string, unknown>;

  /**
   * @param knownFields the fields an entry is described by when it is not an object at all
   * @param extraFields further fields that are known but optional and left out of that description
   * @param parent the reader of the entry holding this nested object, which shares its problems and id
   */
  constructor(
    raw: unknown,
    private readonly path: string,
    private readonly kind: 'provider' | 'profile',
    private readonly source: ConfigSource,
    knownFields: readonly string[],
    extraFields: readonly string[] = [],
    private readonly parent?: EntryReader,
  ) {
    this.problems = parent?.problems ?? [];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.entry = {};
      this.error(path, `must be an object with fields ${knownFields.join(', ')}`);
      return;
    }
    this.entry = raw as Record<string, unknown>;
    const known = [...knownFields, ...extraFields];
    for (const key of Object.keys(this.entry)) {
      if (known.includes(key)) continue;
      const near = known.find((known) => known.toLowerCase() === key.toLowerCase());
      this.problems.push({
        ...this.base(`${path}.${key}`),
        severity: 'warning',
        message: near ? `unknown field, ignored; did you mean "${near}"?` : 'unknown field, ignored',
      });
    }
  }

  /** The entry's id if it is a string, for labelling problems even when it is malformed. */
  get rawId(): string | undefined {
    if (this.parent) return this.parent.rawId;
    return typeof this.entry.id === 'string' && this.entry.id !== '' ? this.entry.id : undefined;
  }

  /** The entry's name if it is a non-blank string, for labelling problems beside the id. */
  get rawName(): string | undefined {
    if (this.parent) return this.parent.rawName;
    return typeof this.entry.name === 'string' && this.entry.name.trim() !== '' ? this.entry.name.trim() : undefined;
  }

  /** A required string; blank counts as missing. */
  requiredString(key: string, check?: Check<string>): string | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null || value === '') {
      this.error(`${this.path}.${key}`, 'is required');
      return undefined;
    }
    return this.checkString(key, value, check);
  }

  /** An optional string, falling back to `fallback` when absent. */
  optionalString(key: string, fallback: string, check?: Check<string>): string | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null || value === '') return fallback;
    return this.checkString(key, value, check);
  }

  /** An optional whole number within [min, max]. */
  optionalInteger(key: string, fallback: number, min: number, max: number, hint: string): number | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.error(`${this.path}.${key}`, `must be a whole number from ${min} to ${max}${hint} (got ${JSON.stringify(value)})`);
      return undefined;
    }
    return value;
  }

  /** An optional boolean. */
  optionalBoolean(key: string, fallback: boolean): boolean | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.error(`${this.path}.${key}`, `must be true or false (got ${JSON.stringify(value)})`);
      return undefined;
    }
    return value;
  }

  /** The raw value of a field, for fields whose shape the caller checks. */
  value(key: string): unknown {
    return this.entry[key];
  }

  /** A reader for an optional nested object; `undefined` when the field is absent. */
  nested(key: string, knownFields: readonly string[], extraFields: readonly string[] = []): EntryReader | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null) return undefined;
    return new EntryReader(value, `${this.path}.${key}`, this.kind, this.source, knownFields, extraFields, this);
  }

  /** An optional list of at most `max` strings, each passing `check`; problems name the item. */
  optionalStringList(key: string, max: number, check: Check<string>): string[] | undefined {
    const value = this.entry[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.error(`${this.path}.${key}`, `must be a list of strings (got ${typeof value})`);
      return undefined;
    }
    if (value.length > max) {
      this.error(`${this.path}.${key}`, `holds ${value.length} items; at most ${max} are allowed`);
      return undefined;
    }
    const items: string[] = [];
    value.forEach((item: unknown, index) => {
      const where = `${this.path}.${key}[${index}]`;
      if (typeof item !== 'string') return this.error(where, `must be a string (got ${item === null ? 'null' : typeof item})`);
      const message = check(item.trim());
      if (message !== undefined) return this.error(where, message);
      if (items.includes(item.trim())) return this.error(where, `repeats ${JSON.stringify(item.trim())}; list each item once`);
      items.push(item.trim());
    });
    return items.length === value.length ? items : undefined;
  }

  /** Records a warning on a field of this entry; the entry stays usable. */
  fieldWarning(key: string, message: string): void {
    this.problems.push({ ...this.base(`${this.path}.${key}`), severity: 'warning', message });
  }

  /** Records an error on a field of this entry, with any further detail for the problem. */
  fieldError(key: string, message: string, detail: Pick<ConfigProblem, 'confirmOrigin'> = {}): void {
    this.problems.push({ ...this.base(`${this.path}.${key}`), severity: 'error', message, ...detail });
  }

  /** True while no error (warnings aside) has been recorded. */
  get ok(): boolean {
    return this.problems.every((problem) => problem.severity !== 'error');
  }

  private checkString(key: string, value: unknown, check?: Check<string>): string | undefined {
    if (typeof value !== 'string') {
      this.error(`${this.path}.${key}`, `must be a string (got ${typeof value})`);
      return undefined;
    }
    const trimmed = value.trim();
    const message = check?.(trimmed);
    if (message !== undefined) {
      this.error(`${this.path}.${key}`, message);
      return undefined;
    }
    return trimmed;
  }

  private error(path: string, message: string): void {
    this.problems.push({ ...this.base(path), severity: 'error', message });
  }

  private base(path: string): Pick<ConfigProblem, 'kind' | 'id' | 'name' | 'source' | 'path'> {
    const { rawId: id, rawName: name } = this;
    return { kind: this.kind, ...(id === undefined ? {} : { id }), ...(name === undefined ? {} : { name }), source: this.source, path };
  }
}
