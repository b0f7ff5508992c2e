import { addEntry, draftFrom, freeId, moveEntry, problemsAt, removeEntry, setField } from '../../../src/config/draft';
import { currentSchemaVersion } from '../../../src/config/migrations';
import type { ConfigDocumentStore } from '../../../src/storage/config-document';
import { sameDocument } from '../../../src/config/save-config';
import { saveConfig } from '../../../src/storage/config-document';
import { validateConfiguration } from '../../../src/config/validate-configuration';

const stored = {
  settings: { refreshMarginMinutes: 5 },
  providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc', signinEndpoint: 'kept by other versions' }],
  profiles: [
    { id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' },
    { id: 'ops', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Ops' },
  ],
};

function storage(initial: unknown, failWrite = false): ConfigDocumentStore & { value: unknown } {
  const box = {
    value: structuredClone(initial),
    get: async <T,>() => structuredClone(box.value) as T,
    set: async (items: Record<string, unknown>) => {
      if (failWrite) throw new Error('QUOTA_BYTES quota exceeded');
      box.value = structuredClone(items.config);
    },
  };
  return box;
}

describe('draft edits', () => {
  it('set, clear and nest fields, keeping what the editor does not know', () => {
    let draft = draftFrom(stored);
    draft = setField(draft, 'providers', 0, ['name'], 'Corp');
    draft = setField(draft, 'providers', 0, ['rolesFromClaim', 'claim'], 'roles');
    draft = setField(draft, 'profiles', 1, ['durationSeconds'], 7200);
    draft = setField(draft, 'profiles', 1, ['durationSeconds'], '');
    expect(draft.settings).toEqual({ refreshMarginMinutes: 5 });
    expect(draft.providers[0]).toEqual({ ...stored.providers[0], name: 'Corp', rolesFromClaim: { claim: 'roles' } });
    expect(draft.profiles[1]).toEqual(stored.profiles[1]);
    draft = setField(draft, 'providers', 0, ['rolesFromClaim', 'claim'], '');
    expect(draft.providers[0]).not.toHaveProperty('rolesFromClaim');
    expect(stored.providers[0]).not.toHaveProperty('name');
  });

  it('renames a provider in the profiles that use it', () => {
    const draft = setField(draftFrom(stored), 'providers', 0, ['id'], 'sso');
    expect(draft.profiles.map((profile) => (profile as { provider: string }).provider)).toEqual(['sso', 'sso']);
    expect(validateConfiguration(undefined, draft).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('moves, adds and removes entries in order', () => {
    let draft = moveEntry(draftFrom(stored), 'profiles', 1, -1);
    expect(draft.profiles.map((profile) => (profile as { id: string }).id)).toEqual(['ops', 'dev']);
    expect(moveEntry(draft, 'profiles', 0, -1)).toBe(draft);
    draft = addEntry(draft, 'profiles', { id: freeId('profile', ['profile']) });
    draft = removeEntry(draft, 'profiles', 0);
    expect(draft.profiles.map((profile) => (profile as { id: string }).id)).toEqual(['dev', 'profile-2']);
  });

  it('starts empty from nothing or from garbage', () => {
    expect(draftFrom(undefined)).toEqual({ providers: [], profiles: [] });
    expect(draftFrom({ providers: 'x' })).toEqual({ providers: [], profiles: [] });
  });

  it('finds the problems of a field and of what is nested under it', () => {
    const problems = validateConfiguration(undefined, { providers: [{ ...stored.providers[0], authParams: { state: 'x', scope: 'y' } }] }).problems;
    expect(problemsAt(problems, 'providers[0].authParams').map((problem) => problem.path)).toEqual(['providers[0].authParams.state', 'providers[0].authParams.scope']);
    expect(problemsAt(problems, 'providers[0].auth')).toEqual([]);
  });
});

describe('saveConfig', () => {
  it('stores a clean draft at the current version', async () => {
    const box = storage(stored);
    const draft = setField(draftFrom(stored), 'profiles', 0, ['alias'], 'sandbox');
    const result = await saveConfig(box, draft, undefined, stored);
    expect(result.ok).toBe(true);
    expect(box.value).toEqual({ ...draft, schemaVersion: currentSchemaVersion });
  });

  it('refuses a draft with errors, listing each with its path, and changes nothing', async () => {
    const box = storage(stored);
    let draft = setField(draftFrom(stored), 'profiles', 0, ['roleArn'], 'arn:aws:iam::1:role/X');
    draft = setField(draft, 'profiles', 1, ['color'], 'red');
    await expect(saveConfig(box, draft, undefined, stored)).resolves.toEqual({
      ok: false,
      problems: ['profiles[0].roleArn: account id must be 12 digits (got "1")', 'profiles[1].color: must be a colour like #d13212 (got "red")'],
    });
    expect(box.value).toEqual(stored);
  });

  it('refuses to overwrite what another tab saved meanwhile', async () => {
    const elsewhere = { ...stored, profiles: [] };
    const box = storage(elsewhere);
    const result = await saveConfig(box, draftFrom(stored), undefined, stored);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^\(document\): the stored configuration changed since this page loaded it/);
    expect(box.value).toEqual(elsewhere);
  });

  it('reports a failed write and leaves the stored document as it was', async () => {
    const box = storage(stored, true);
    const result = await saveConfig(box, setField(draftFrom(stored), 'providers', 0, ['name'], 'x'), undefined, stored);
    expect(result).toEqual({ ok: false, problems: ['(document): could not be stored (QUOTA_BYTES quota exceeded); nothing was changed'] });
    expect(box.value).toEqual(stored);
  });

  it('compares documents regardless of key order', () => {
    expect(sameDocument({ a: 1, b: [{ c: 1, d: 2 }] }, { b: [{ d: 2, c: 1 }], a: 1 })).toBe(true);
    expect(sameDocument({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
