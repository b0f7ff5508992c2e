/**
 * Property tests over the configuration parser: whatever a user pastes or a policy pushes, the
 * parser never throws, and every problem names a path that leads into the document it concerns.
 */
import fc from 'fast-check';
import { checkConfigImport } from '../../../src/config/import-config';
import { migrateConfigDocument } from '../../../src/config/migrations';
import { validateConfiguration } from '../../../src/config/validate-configuration';

/** True when `path` leads into `document`: every step exists but possibly the last field (a missing required one). */
function resolves(document: unknown, path: string): boolean {
  if (path === '(document)') return true;
  let value = document;
  let rest = path;
  while (rest) {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (index) {
      if (!Array.isArray(value) || Number(index[1]) >= value.length) return false;
      value = value[Number(index[1])];
      rest = rest.slice(index[0].length);
      continue;
    }
    if (typeof value !== 'object' || value === null) return false;
    const remaining = rest;
    const key = Object.keys(value).filter((name) => remaining === name || remaining.startsWith(`${name}.`) || remaining.startsWith(`${name}[`)).sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return !/[.[]/.test(rest);
    value = (value as Record<string, unknown>)[key];
    rest = rest.slice(key.length).replace(/^\./, '');
  }
  return true;
}

/**
 * True when `path` leads into `document`, or when an entry that is no object at all is reported
 * at its own path and `path` names one of the fields it lacks.
 */
function named(document: unknown, path: string, paths: readonly string[]): boolean {
  return resolves(document, path) || paths.some((other) => other !== path && path.startsWith(`${other}.`) && resolves(document, other));
}

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const plausible = fc.constantFrom(
  'corp', 'dev', 'https://idp.example.com', 'http://127.0.0.1:8080', 'abc', 'openid email', 'implicit', 'code', 'oauth2', 'oidc', 'www.amazon.com',
  'arn:aws:iam::123456789012:role/Dev', 'arn:aws-cn:iam::123456789012:role/Dev', 'arn:aws:iam::1:role/X', 'eu-west-1', 'cn-north-1', 'google', '#d13212',
  '{"Version":"2012-10-17","Statement":[]}', '{', 'wic-{subject_hash}', '{nope}', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'https://eu-west-1.signin.aws.amazon.com/federation', '', ' ',
);
const value = fc.oneof(plausible, scalar, fc.array(fc.oneof(plausible, scalar), { maxLength: 12 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(plausible, scalar), { maxKeys: 4 }));
const providerKeys = ['id', 'name', 'issuer', 'clientId', 'scopes', 'type', 'preset', 'flow', 'authParams', 'rolesFromClaim', 'stsProviderId', 'authorizationEndpoint', 'userInfoEndpoint', 'clientID', '__proto__'];
const profileKeys = ['id', 'name', 'provider', 'roleArn', 'region', 'durationSeconds', 'stsEndpoint', 'pinned', 'signinEndpoint', 'consoleDestination', 'alias', 'color', 'sessionPolicy', 'policyArns', 'sessionNameTemplate', 'colour'];
const entry = (keys: string[]) => fc.oneof(
  { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, fc.record({ claim: value, region: value, durationSeconds: value }, { requiredKeys: [] }))) },
  { weight: 1, arbitrary: scalar },
);
const document = fc.oneof(
  { weight: 6, arbitrary: fc.record({ schemaVersion: fc.oneof(fc.constantFrom(1, 2, 3), scalar), providers: fc.array(entry(providerKeys), { maxLength: 4 }), profiles: fc.array(entry(profileKeys), { maxLength: 5 }), extra: value }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.anything() },
);

describe('configuration parser properties', () => {
  it('never throws, and every problem names a path into its own document', () => {
    fc.assert(fc.property(document, document, (managed, local) => {
      const config = validateConfiguration(managed, local);
      for (const problem of config.problems) {
        expect(problem.message.length).toBeGreaterThan(0);
        const paths = config.problems.filter((other) => other.source === problem.source).map((other) => other.path);
        expect(named(problem.source === 'managed' ? managed : local, problem.path, paths)).toBe(true);
      }
      // Everything usable came through validation whole.
      for (const profile of config.profiles) expect(config.providers.some((provider) => provider.id === profile.providerId)).toBe(true);
    }), { numRuns: 1500 });
  });

  it('refuses any import with errors by listing each as "path: message", and never throws on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), document.map((value) => JSON.stringify(value) ?? '')), (text) => {
      const result = checkConfigImport(text, undefined);
      if (result.ok) return;
      expect(result.problems.length).toBeGreaterThan(0);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const paths = result.problems.map((problem) => problem.split(': ', 1)[0] ?? '');
      result.problems.forEach((problem, index) => {
        const path = paths[index] ?? '';
        expect(problem.length).toBeGreaterThan(path.length + 2);
        expect(named(parsed, path, paths)).toBe(true);
      });
    }), { numRuns: 1500 });
  });

  it('validates every earlier-version document the same way after migration', () => {
    fc.assert(fc.property(document, (raw) => {
      const firstFormat = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>), schemaVersion: undefined } : raw;
      const before = validateConfiguration(undefined, firstFormat);
      const after = validateConfiguration(undefined, migrateConfigDocument(firstFormat).document);
      expect(after.problems).toEqual(before.problems);
      expect(after.providers).toEqual(before.providers);
      expect(after.profiles).toEqual(before.profiles);
    }), { numRuns: 800 });
  });

  it('accepts every well-formed document without a problem', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
    const wellFormed = fc.uniqueArray(id, { minLength: 1, maxLength: 3 }).chain((providerIds) => fc.record({
      providers: fc.constant(providerIds.map((providerId) => ({ id: providerId, issuer: `https://${providerId.toLowerCase().replace(/[^a-z0-9]/g, 'x')}.example.com`, clientId: 'client' }))),
      profiles: fc.uniqueArray(fc.record({
        id,
        provider: fc.constantFrom(...providerIds),
        roleArn: fc.tuple(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^[\w+=,.@-]{1,64}$/)).map(([account, role]) => `arn:aws:iam::${account}:role/${role}`),
        durationSeconds: fc.integer({ min: 900, max: 43200 }),
        pinned: fc.boolean(),
        color: fc.stringMatching(/^#[0-9a-f]{6}$/),
        policyArns: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][\w-]{0,30}$/).map((name) => `arn:aws:iam::aws:policy/${name}`), { maxLength: 10 }),
      }), { selector: (profile) => profile.id, maxLength: 5 }),
    }));
    fc.assert(fc.property(wellFormed, (local) => {
      const config = validateConfiguration(undefined, local);
      expect(config.problems).toEqual([]);
      expect(config.profiles).toHaveLength(local.profiles.length);
    }), { numRuns: 300 });
  });
});
