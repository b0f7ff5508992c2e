import { canonicalJson } from '../../../src/util/canonical-json';

describe('canonicalJson', () => {
  it('gives equal values the same text whatever the order of their keys, at any depth', () => {
    const written = { providers: [{ id: 'corp', name: 'Corp', extra: { b: 1, a: [{ y: 2, x: 1 }] } }], profiles: [], problems: [] };
    const readBack = { problems: [], profiles: [], providers: [{ extra: { a: [{ x: 1, y: 2 }], b: 1 }, id: 'corp', name: 'Corp' }] };
    expect(canonicalJson(readBack)).toBe(canonicalJson(written));
  });

  it('keeps the order of array items, which is meaning', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('tells different values apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
    expect(canonicalJson(undefined)).not.toBe(canonicalJson(null));
  });
});
