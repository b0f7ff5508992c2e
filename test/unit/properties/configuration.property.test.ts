/**
 * Whatever a configuration document holds, validation answers: usable entries that keep the
 * contract, and for everything else a problem naming the field. It never throws.
 */
import fc from 'fast-check';
import { checkConfigImport } from '../../../src/config/import-config';
import { configDefaults, validateConfiguration } from '../../../src/config/validate-configuration';
import { failOnUnhandledRejection } from './no-unhandled-rejection';

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
