/**
 * The benchmark's figures: one row per measurement, printed as a table and written as JSON
 * (bench-results/latest.json, and with BENCH_RECORD=1 the committed test/bench/latest-results.json
 * that the README quotes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import path from 'node:path';
import type { Summary } from './statistics';

/** A row of the table. Either a measured summary, a single figure, or why it could not be measured. */
export interface ResultRow {
  id: string;
  label: string;
  unit: 'ms' | 'bytes' | 'MB' | 'x';
  summary?: Summary;
  value?: number;
  /** The goal from issue 7, reported and never asserted. */
  target?: { max: number; text: string };
  unavailable?: string;
  /** Anything the figure needs to be read right (what it includes). */
  note?: string;
}

/** Where and on what the figures were taken. */
export interface Machine {
  date: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  chromium: string;
  /** Load average over 1, 5 and 15 minutes when the run ended: other work on the machine skews every figure. */
  loadAverage: number[];
}

/** Describes this machine; the browser version comes from the running Chromium. */
export function describeMachine(chromium: string): Machine {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    os: `${type()} ${release()}`,
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

function figure(value: number, unit: ResultRow['unit']): string {
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'MB') return `${value.toFixed(2)} MB`;
  if (unit === 'x') return `${value.toFixed(2)}x`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** The central figure of a row: the median, or the single value. */
export function central(row: ResultRow): number | undefined {
  return row.summary?.median ?? row.value;
}

function verdict(row: ResultRow): string {
  const value = central(row);
  if (!row.target || value === undefined) return '';
  return `${value <= row.target.max ? 'met' : 'MISSED'} (${row.target.text})`;
}

/** The table printed on stdout. */
export function renderTable(rows: readonly ResultRow[], machine: Machine): string {
  const header = ['measure', 'runs', 'median', 'middle half', 'min–max', 'target'];
  const measured = rows.filter((row) => !row.unavailable);
  const lines = measured.map((row) => {
    const { summary } = row;
    const value = central(row);
    return [
      row.label,
      summary ? String(summary.runs) : '1',
      value === undefined ? '' : figure(value, row.unit),
      summary ? `${figure(summary.p25, row.unit)}–${figure(summary.p75, row.unit)}` : '',
      summary ? `${figure(summary.min, row.unit)}–${figure(summary.max, row.unit)}` : '',
      verdict(row),
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...lines, ...rows.map((row) => [row.label])].map((cells) => (cells[column] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  // A row that could not be measured says why across the figure columns.
  const line = (row: ResultRow) => (row.unavailable ? `${row.label.padEnd(widths[0] ?? 0)}  ${row.unavailable}` : format(lines[measured.indexOf(row)] ?? []));
  const notes = rows.filter((row) => row.note).map((row) => `  ${row.label}: ${row.note}`);
  return [
    `web-identity-credentials benchmark, ${machine.date} (${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverage.join(' / ')}, Chromium ${machine.chromium}, Node ${machine.node})`,
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
    '',
  ].join('\n');
}

/** Writes the figures as JSON for comparing runs; returns the files written. */
export function writeResults(root: string, rows: readonly ResultRow[], machine: Machine, record: boolean): string[] {
  const document = `${JSON.stringify({ machine, results: rows }, null, 2)}\n`;
  const folder = path.join(root, 'bench-results');
  mkdirSync(folder, { recursive: true });
  const files = [path.join(folder, 'latest.json'), path.join(folder, `${machine.date.replace(/[:.]/g, '-')}.json`)];
  if (record) files.push(path.join(root, 'test', 'bench', 'latest-results.json'));
  for (const file of files) writeFileSync(file, document);
  return files;
}
