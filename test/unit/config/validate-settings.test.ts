import { validateConfiguration } from '../../../src/config/validate-configuration';
import { defaultSettings } from '../../../src/config/refresh-settings';
import { validateSettings } from '../../../src/config/validate-settings';

describe('validateSettings', () => {
  it('uses the defaults when nothing is set: 5 minutes margin, 10 minutes idle, no session limit, auto renewal', () => {
    expect(validateSettings(undefined, undefined)).toEqual({ settings: { refreshMarginMinutes: 5, idleThresholdMinutes: 10, maxSessionHours: null, renewal: {} }, managed: [], problems: [] });
    expect(defaultSettings.refreshMarginMinutes).toBe(5);
  });

  it('takes the user\'s values and leaves fields it does not know to their owners', () => {
    const result = validateSettings(undefined, { refreshMarginMinutes: 15, idleThresholdMinutes: 30, maxSessionHours: 12, renewal: { corp: 'silent-sign-in' }, clipboardClearSeconds: 30 });
    expect(result.settings).toEqual({ refreshMarginMinutes: 15, idleThresholdMinutes: 30, maxSessionHours: 12, renewal: { corp: 'silent-sign-in' } });
    expect(result.problems).toEqual([]);
  });

  it('names every bad field with what is allowed, and keeps the default for it', () => {
    const result = validateSettings(undefined, { refreshMarginMinutes: 0, idleThresholdMinutes: 2.5, maxSessionHours: 'a day', renewal: { corp: 'magic', lab: 'refresh-token' } });
    expect(result.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'settings.refreshMarginMinutes: must be a whole number from 1 to 30 (got 0)',
      'settings.idleThresholdMinutes: must be a whole number from 1 to 240 (got 2.5)',
      'settings.maxSessionHours: must be a whole number from 1 to 720, or null for no limit (got "a day")',
      'settings.renewal.corp: must be one of auto, refresh-token, silent-sign-in (got "magic")',
    ]);
    expect(result.settings).toEqual({ ...defaultSettings, renewal: { lab: 'refresh-token' } });
  });

  it('refuses settings that are not an object', () => {
    expect(validateSettings(undefined, [1]).problems).toEqual([{ source: 'local', path: 'settings', message: 'must be an object' }]);
    expect(validateSettings(undefined, { renewal: 'auto' }).problems[0]?.path).toBe('settings.renewal');
  });

  it('lets policy win field by field and marks those fields managed', () => {
    const result = validateSettings({ maxSessionHours: 8, renewal: { corp: 'refresh-token' } }, { refreshMarginMinutes: 10, maxSessionHours: null, renewal: { corp: 'auto', lab: 'silent-sign-in' } });
    expect(result.settings).toEqual({ refreshMarginMinutes: 10, idleThresholdMinutes: 10, maxSessionHours: 8, renewal: { corp: 'refresh-token', lab: 'silent-sign-in' } });
    expect(result.managed).toEqual(['maxSessionHours', 'renewal.corp']);
  });

  it('reports a bad policy field as the policy\'s, and the user\'s value applies', () => {
    const result = validateSettings({ refreshMarginMinutes: 90 }, { refreshMarginMinutes: 7 });
    expect(result.settings.refreshMarginMinutes).toBe(7);
    expect(result.problems).toEqual([{ source: 'managed', path: 'settings.refreshMarginMinutes', message: 'must be a whole number from 1 to 30 (got 90)' }]);
  });

  it('is a known field of the policy, not an unknown one, while a user\'s configuration document stays without it', () => {
    expect(validateConfiguration({ settings: { maxSessionHours: 8 } }, undefined).problems).toEqual([]);
    expect(validateConfiguration(undefined, { settings: {} }).problems.map((problem) => problem.path)).toEqual(['settings']);
  });
});
