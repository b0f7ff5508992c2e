/**
 * Reads refresh settings from the user's `settings` object and the policy's, field by field: a
 * bad field is reported by its path and falls back, the others still apply. Policy wins per field.
 * Fields this module does not know are left alone, since other settings may share the object.
 */
import type { ConfigSource } from './types';
import { defaultSettings, renewalPaths, settingLimits } from './refresh-settings';
import type { RefreshSettings, RenewalPath } from './refresh-settings';

/** A field that could not be used. */
export interface SettingsProblem {
  source: ConfigSource;
  /** `settings.refreshMarginMinutes`, `settings.renewal.corp` */
  path: string;
  message: string;
}

/** Settings in force, which fields policy locks, and what was wrong. */
export interface SettingsResult {
  settings: RefreshSettings;
  /** Fields (`renewal.<provider>` for renewal entries) set by policy, read-only for the user. */
  managed: string[];
  problems: SettingsProblem[];
}

type NumberField = keyof typeof settingLimits;
const numberFields = Object.keys(settingLimits) as NumberField[];

function readNumber(raw: Record<string, unknown>, field: NumberField, source: ConfigSource, problems: SettingsProblem[]): number | null | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  // Only the session lifetime may be switched off.
  if (value === null && field === 'maxSessionHours') return null;
  const { min, max } = settingLimits[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const off = field === 'maxSessionHours' ? ', or null for no limit' : '';
    problems.push({ source, path: `settings.${field}`, message: `must be a whole number from ${min} to ${max}${off} (got ${JSON.stringify(value)})` });
    return undefined;
  }
  return value;
}

function readRenewal(raw: Record<string, unknown>, source: ConfigSource, problems: SettingsProblem[]): Record<string, RenewalPath> {
  const value = raw.renewal;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ source, path: 'settings.renewal', message: `must be an object mapping provider ids to one of ${renewalPaths.join(', ')}` });
    return {};
  }
  const paths: Record<string, RenewalPath> = {};
  for (const [providerId, path] of Object.entries(value)) {
    if (renewalPaths.includes(path as RenewalPath)) paths[providerId] = path as RenewalPath;
    else problems.push({ source, path: `settings.renewal.${providerId}`, message: `must be one of ${renewalPaths.join(', ')} (got ${JSON.stringify(path)})` });
  }
  return paths;
}

function asObject(raw: unknown, source: ConfigSource, problems: SettingsProblem[]): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  problems.push({ source, path: 'settings', message: 'must be an object' });
  return {};
}

/**
 * Merges defaults, the user's settings and the policy's.
 * @param managed the `settings` field of `storage.managed`, if any
 * @param local the `settings` object of `storage.local`, if any
 */
export function validateSettings(managed: unknown, local: unknown): SettingsResult {
  const problems: SettingsProblem[] = [];
  const settings: RefreshSettings = { ...defaultSettings, renewal: {} };
  const locked: string[] = [];
  const sources = [
    { source: 'local' as const, raw: asObject(local, 'local', problems) },
    { source: 'managed' as const, raw: asObject(managed, 'managed', problems) },
  ];
  for (const { source, raw } of sources) {
    for (const field of numberFields) {
      const value = readNumber(raw, field, source, problems);
      if (value === undefined) continue;
      (settings as unknown as Record<NumberField, number | null>)[field] = value;
      if (source === 'managed') locked.push(field);
    }
    const renewal = readRenewal(raw, source, problems);
    Object.assign(settings.renewal, renewal);
    if (source === 'managed') locked.push(...Object.keys(renewal).map((id) => `renewal.${id}`));
  }
  return { settings, managed: locked, problems };
}
