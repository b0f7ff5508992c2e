/**
 * Median and spread of a series of runs. The spread is the interquartile range (the middle half
 * of the runs), which one slow run on a busy machine does not stretch, plus the extremes.
 */

/** What one measured quantity came to over several runs. */
export interface Summary {
  runs: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  samples: number[];
}

/** The value below which `fraction` of the sorted samples lie, interpolated between neighbours. */
function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = sorted[Math.floor(position)] ?? Number.NaN;
  const above = sorted[Math.ceil(position)] ?? Number.NaN;
  return below + (above - below) * (position - Math.floor(position));
}

/** Summarizes the samples of one measurement; throws on none, since a median of nothing is no figure. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples: [...samples],
  };
}
