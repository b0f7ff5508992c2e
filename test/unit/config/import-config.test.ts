import { checkConfigImport } from '../../../src/config/import-config';

const good = {
  providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
  profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev' }],
};

describe('checkConfigImport', () => {
  it('accepts a clean document and counts its entries', () => {
    expect(checkConfigImport(JSON.stringify(good), undefined)).toEqual({ ok: true, document: good, warnings: [], providers: 1, profiles: 1 });
  });

  it('refuses text that is not JSON, saying so', () => {
    const result = checkConfigImport('{"providers": [', undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^\(document\): not valid JSON: /);
  });

  it('refuses a document with any error and lists every problem with its path', () => {
    const bad = { ...good, profiles: [...good.profiles, { id: 'x', provider: 'corp', roleArn: 'arn:aws:iam::1:role/X', durationSeconds: 5 }] };
    expect(checkConfigImport(JSON.stringify(bad), undefined)).toEqual({
      ok: false,
      problems: [
        'profiles[1].roleArn: account id must be 12 digits (got "1")',
        'profiles[1].durationSeconds: must be a whole number from 900 to 43200 seconds, and at most the role\'s maximum session duration (got 5)',
      ],
    });
  });

  it('lets local profiles use a provider set by policy', () => {
    const local = { profiles: good.profiles };
    expect(checkConfigImport(JSON.stringify(local), undefined).ok).toBe(false);
    expect(checkConfigImport(JSON.stringify(local), { providers: good.providers }).ok).toBe(true);
  });

  it('passes warnings along without refusing', () => {
    const result = checkConfigImport(JSON.stringify({ ...good, extra: 1, providers: [{ ...good.providers[0], colour: 'x' }] }), undefined);
    expect(result.ok && result.warnings.map((warning) => warning.path)).toEqual(['extra', 'providers[0].colour']);
  });
});

describe('checkConfigImport on a bare null', () => {
  it('refuses it instead of storing nothing over the configuration', () => {
    expect(checkConfigImport('null', undefined)).toEqual({ ok: false, problems: ['(document): the configuration must be a JSON object with "providers" and "profiles" arrays'] });
  });
});
