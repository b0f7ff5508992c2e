import { renderTable } from '../../bench/results';
import type { Machine, ResultRow } from '../../bench/results';
import { summarize } from '../../bench/statistics';

const machine: Machine = {
  date: '2026-01-02T03:04:05.000Z',
  os: 'Linux 6.1',
  cpu: 'Test CPU',
  cores: 2,
  memoryGB: 4,
  node: 'v20.19.0',
  chromium: '156.0',
  loadAverage: [1, 2, 3],
};

describe('summarize', () => {
  it('gives the median and the quartiles, interpolated, whatever the order of the samples', () => {
    expect(summarize([40, 10, 30, 20])).toEqual({ runs: 4, median: 25, p25: 17.5, p75: 32.5, min: 10, max: 40, samples: [40, 10, 30, 20] });
    expect(summarize([7])).toMatchObject({ median: 7, p25: 7, p75: 7 });
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarize([])).toThrow('no samples');
  });
});

describe('renderTable', () => {
  const rows: ResultRow[] = [
    { id: 'a', label: 'popup, 20 profile(s)', unit: 'ms', summary: summarize([40, 60, 50]), target: { max: 50, text: '≤ 50 ms' } },
    { id: 'b', label: 'worker cold start', unit: 'ms', summary: summarize([70, 80, 90]), target: { max: 50, text: '≤ 50 ms' } },
    { id: 'c', label: 'silent refresh', unit: 'ms', unavailable: 'silent refresh: needs the refresh action (issue 4)' },
    { id: 'd', label: 'popup.js minified', unit: 'bytes', value: 35_840 },
  ];
  const table = renderTable(rows, machine).split('\n');
  const row = (label: string) => table.find((line) => line.startsWith(label)) ?? '';

  it('says whether each target was met, by the median', () => {
    expect(row('popup, 20')).toMatch(/50 ms\s+45 ms–55 ms\s+40 ms–60 ms\s+met \(≤ 50 ms\)$/);
    expect(row('worker cold start')).toMatch(/MISSED \(≤ 50 ms\)$/);
  });

  it('prints why a row has no figure instead of a number', () => {
    expect(row('silent refresh')).toMatch(/^silent refresh\s+silent refresh: needs the refresh action \(issue 4\)$/);
  });

  it('names the machine and its load, and shows sizes in KB', () => {
    expect(table[0]).toContain('Test CPU, 2 cores, load 1 / 2 / 3');
    expect(row('popup.js minified')).toContain('35.0 KB');
  });
});

describe('renderTable, ratio rows', () => {
  const rows: ResultRow[] = [
    { id: 'popup.blank', label: 'blank extension page', unit: 'ms', summary: summarize([40, 50, 60]) },
    { id: 'popup.ratio.1', label: 'popup, 1 profile(s) / blank', unit: 'x', value: 1.05 },
    { id: 'popup.ratio.20', label: 'popup, 20 profile(s) / blank', unit: 'x', value: 1.15, target: { max: 1.2, text: '≤ 1.2x' } },
    { id: 'popup.ratio.200', label: 'popup, 200 profile(s) / blank', unit: 'x', value: 1.6, target: { max: 1.2, text: '≤ 1.2x' } },
  ];
  const table = renderTable(rows, machine).split('\n');
  const row = (label: string) => table.find((line) => line.startsWith(label)) ?? '';

  it('prints a ratio as a single figure with two decimals, and its target', () => {
    expect(row('blank extension page')).toMatch(/\s3\s+50 ms\s+45 ms–55 ms\s+40 ms–60 ms$/);
    expect(row('popup, 1 profile(s) / blank')).toMatch(/\s1\s+1\.05x$/);
    expect(row('popup, 20 profile(s) / blank')).toMatch(/\s1\s+1\.15x\s+met \(≤ 1\.2x\)$/);
    expect(row('popup, 200 profile(s) / blank')).toMatch(/1\.60x\s+MISSED \(≤ 1\.2x\)$/);
  });
});
