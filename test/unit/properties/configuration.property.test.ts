/**
 * Properties of configuration validation: whatever a user pastes or a policy pushes, validation
 * never throws and answers with usable entries that keep the contract; every problem names a path
 * that leads into the document it concerns.
 */
import fc from 'fast-check';
import { checkConfigImport } from '../../../src/config/import-config';
import { migrateConfigDocument } from '../../../src/config/migrations';
import { configDefaults, validateConfiguration } from '../../../src/config/validate-configuration';
import { failOnUnhandledRejection } from './no-unhandled-rejection';

// Hundreds of examples take seconds, several times longer on a loaded CI machine; the timeout
// only guards against a hang (speed is the benchmark's business).
jest.setTimeout(60_000);

failOnUnhandledRejection();

const junk = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(''));
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: junk });
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,10}$/);
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('http://127.0.0.1:8080', 'http://evil.example.com', 'https://idp.example.com', 'ftp://x', 'https://[::1]/'));
const provider = fc.record(
  { id: maybe(id), name: maybe(fc.string()), issuer: maybe(url), clientId: maybe(fc.string()), scopes: maybe(fc.constantFrom('openid', 'openid email', 'email', '  openid  ')) },
  { requiredKeys: [] },
);
const profile = fc.record(
  {
    id: maybe(id),
    provider: maybe(fc.constantFrom('corp', 'lab', 'missing')),
    roleArn: maybe(fc.oneof(fc.constantFrom('arn:aws:iam::123456789012:role/Dev', 'arn:aws-cn:iam::123456789012:role/a/b/C', 'arn:aws:iam::12:role/X'), fc.string())),
    region: maybe(fc.constantFrom('us-east-1', 'cn-north-1', 'us-gov-west-1', 'mars-1')),
    durationSeconds: maybe(fc.oneof(fc.integer({ min: -10, max: 50_000 }), fc.double())),
    stsEndpoint: maybe(url),
    pinned: maybe(fc.boolean()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const document = fc.oneof(
  { weight: 4, arbitrary: fc.record({ providers: maybe(fc.array(maybe(provider), { maxLength: 4 })), profiles: maybe(fc.array(maybe(profile), { maxLength: 5 })) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('configuration, whatever it holds', () => {
  it('validates without throwing, and every usable entry keeps the contract', () => {
    fc.assert(
      fc.property(document, document, (managed, local) => {
        const config = validateConfiguration(managed, local);
        for (const problem of config.problems) {
          expect(problem.path).toEqual(expect.any(String));
          expect(problem.message.length).toBeGreaterThan(5);
          expect(['error', 'warning']).toContain(problem.severity);
        }
        const providerIds = new Set(config.providers.map((entry) => entry.id));
        expect(providerIds.size).toBe(config.providers.length);
        for (const entry of config.providers) {
          const issuer = new URL(entry.issuer);
          expect(issuer.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)).toBe(true);
          expect(entry.scopes.split(' ')).toContain('openid');
        }
        for (const entry of config.profiles) {
          expect(providerIds.has(entry.providerId)).toBe(true);
          expect(entry.durationSeconds).toBeGreaterThanOrEqual(configDefaults.minDurationSeconds);
          expect(entry.durationSeconds).toBeLessThanOrEqual(configDefaults.maxDurationSeconds);
          expect(entry.accountId).toMatch(/^\d{12}$/);
          expect(new URL(entry.stsEndpoint).protocol === 'https:' || /^http:\/\/(127\.|localhost|\[::1\])/.test(entry.stsEndpoint)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('imports all or nothing, with a reason for each refusal', () => {
    const text = fc.oneof(fc.string(), document.map((value) => JSON.stringify(value) ?? 'undefined'), fc.json());
    fc.assert(
      fc.property(text, (input) => {
        const result = checkConfigImport(input, undefined);
        if (result.ok) {
          expect(validateConfiguration(undefined, result.document).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem).toMatch(/^[^:]+: .+/);
        }
      }),
      { numRuns: 400 },
    );
  });
});

it.each(['null', '[]', '42', '"text"'])('refuses the import of %s, which is no configuration document', (text) => {
  expect(checkConfigImport(text, undefined)).toEqual({ ok: false, problems: ['(document): the configuration must be a JSON object with "providers" and "profiles" arrays'] });
});

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
const looseDocument = fc.oneof(
  { weight: 6, arbitrary: fc.record({ schemaVersion: fc.oneof(fc.constantFrom(1, 2, 3), scalar), providers: fc.array(entry(providerKeys), { maxLength: 4 }), profiles: fc.array(entry(profileKeys), { maxLength: 5 }), extra: value }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.anything() },
);

describe('configuration parser properties', () => {
  it('never throws, and every problem names a path into its own document', () => {
    fc.assert(fc.property(looseDocument, looseDocument, (managed, local) => {
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
    fc.assert(fc.property(fc.oneof(fc.string(), looseDocument.map((value) => JSON.stringify(value) ?? '')), (text) => {
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
    fc.assert(fc.property(looseDocument, (raw) => {
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
