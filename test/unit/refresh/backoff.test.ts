import { retryDelayMs, retryMaxDelayMs } from '../../../src/refresh/backoff';

describe('retryDelayMs', () => {
  it('doubles from 30 seconds to a 2-minute cap, without jitter at its low end', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, () => 0))).toEqual([30_000, 60_000, 120_000, 120_000, 120_000]);
  });

  it('adds up to half again as jitter, so browsers failing together come back apart', () => {
    expect([1, 2, 3, 9].map((attempt) => retryDelayMs(attempt, () => 0.999999))).toEqual([45_000, 90_000, 180_000, 180_000]);
    const spread = new Set(Array.from({ length: 50 }, (_value, index) => retryDelayMs(2, () => index / 50)));
    expect(spread.size).toBe(50);
    expect(retryMaxDelayMs).toBe(180_000);
  });

  it('never goes below Chrome\'s 30-second alarm minimum', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) expect(retryDelayMs(attempt, Math.random)).toBeGreaterThanOrEqual(30_000);
  });
});
