/**
 * The terminal access settings of the settings language, the connection plan, the audit list and
 * the browser profile's key.
 */
import { terminalAllows, validateTerminalSettings, withProfile } from '../../../src/config/terminal-settings';
import { terminalProfileKeyKey } from '../../../src/storage/keys';
import { withAuditEntry } from '../../../src/terminal-access/audit';
import { planConnection, reconnectDelayMs } from '../../../src/terminal-access/connection-plan';
import { terminalProfileKey } from '../../../src/terminal-access/profile-key';
import { memorySessionStore } from '../support/memory-session-store';

describe('terminal settings', () => {
  it('are off, with nothing allowed, by default', () => {
    expect(validateTerminalSettings(undefined, undefined)).toEqual({ settings: { enabled: false, enabledByPolicy: false, userProfiles: [], managedProfiles: [] }, problems: [] });
  });

  it('let policy turn terminal access on or off over the user, and allow profiles beside the user\'s', () => {
    const { settings } = validateTerminalSettings({ terminalAccess: false, terminalProfiles: ['ops'] }, { terminalAccess: true, terminalProfiles: ['dev'] });
    expect(settings).toMatchObject({ enabled: false, enabledByPolicy: true });
    expect(['dev', 'ops', 'other'].map((id) => terminalAllows(settings, id))).toEqual([true, true, false]);
    expect(terminalAllows(validateTerminalSettings(undefined, { terminalProfiles: ['*'] }).settings, 'anything')).toBe(true);
  });

  it('name the field and the fix for a bad value, and keep the rest', () => {
    const { settings, problems } = validateTerminalSettings({ terminalProfiles: 'all' }, { terminalAccess: 'yes', terminalProfiles: ['dev', '../x'] });
    expect(settings).toEqual({ enabled: false, enabledByPolicy: false, userProfiles: [], managedProfiles: [] });
    expect(problems).toEqual([
      { source: 'local', path: 'settings.terminalAccess', message: 'must be true or false (got "yes")' },
      { source: 'local', path: 'settings.terminalProfiles', message: 'must be a list of profile ids, or ["*"] for every profile (got ["dev","../x"])' },
      { source: 'managed', path: 'settings.terminalProfiles', message: 'must be a list of profile ids, or ["*"] for every profile (got "all")' },
    ]);
  });

  it('add and withdraw one profile', () => {
    expect(withProfile(['ops'], 'dev', true)).toEqual(['ops', 'dev']);
    expect(withProfile(['ops', 'dev'], 'dev', false)).toEqual(['ops']);
    expect(withProfile(['dev'], 'dev', true)).toEqual(['dev']);
  });
});

describe('connection plan', () => {
  it('connects only when on, permitted and able to; restarts the worker when it lacks connectNative', () => {
    expect(planConnection({ enabled: false, permitted: true, canConnect: true })).toBe('off');
    expect(planConnection({ enabled: true, permitted: false, canConnect: false })).toBe('no-permission');
    expect(planConnection({ enabled: true, permitted: true, canConnect: false })).toBe('restart');
    expect(planConnection({ enabled: true, permitted: true, canConnect: true })).toBe('connect');
  });

  it('waits 1 s, 2 s, 4 s … at most a minute between reconnects', () => {
    expect([0, 1, 2, 5, 6, 20].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 32_000, 60_000, 60_000]);
  });
});

describe('audit list and profile key', () => {
  it('keeps the newest entries first, at most the limit', () => {
    const entry = (at: number) => ({ profileId: 'dev', at, command: 'c', outcome: 'served' });
    expect(withAuditEntry([entry(2), entry(1)], entry(3), 2)).toEqual([entry(3), entry(2)]);
  });

  it('makes the profile key once and keeps it', async () => {
    const local = memorySessionStore();
    const key = await terminalProfileKey(local, (length) => new Uint8Array(length).fill(171));
    expect(key).toBe('abababababababab');
    expect(await terminalProfileKey(local, () => new Uint8Array(8))).toBe(key);
    expect(local.items.get(terminalProfileKeyKey)).toBe(key);
  });
});
