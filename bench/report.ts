// The benchmarks' shared reporter: every figure is a record {bench, name, value, unit, target, met},
// printed as a table for people and, under `npm run bench -- --json FILE`, appended (one JSON line
// each) to the file run.ts names in BENCH_RECORDS_FILE; run.ts gathers them into FILE.
import fs from 'node:fs';

/** A target as DESIGN.md states it: the value must be at most, or at least, a limit. */
export type Target = { atMost: number } | { atLeast: number } | null;

export interface BenchRecord {
  bench: string;
  name: string;
  value: number;
  unit: string;
  /** e.g. "<= 4"; null where the figure has no target (shown for context). */
  target: string | null;
  /** Whether the value meets the target; null where there is none. */
  met: boolean | null;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: Target;
}

export const atMost = (limit: number): Target => ({ atMost: limit });
export const atLeast = (limit: number): Target => ({ atLeast: limit });

export const RECORDS_FILE_ENV = 'BENCH_RECORDS_FILE';

export function toRecord(bench: string, figure: Figure): BenchRecord {
  const t = figure.target ?? null;
  const target = t === null ? null : 'atMost' in t ? `<= ${t.atMost}` : `>= ${t.atLeast}`;
  let met: boolean | null = null;
  if (t) met = Number.isFinite(figure.value) && ('atMost' in t ? figure.value <= t.atMost : figure.value >= t.atLeast);
  return { bench, name: figure.name, value: figure.value, unit: figure.unit, target, met };
}

/** Prints the figures of one benchmark as a table and hands them to run.ts's JSON file when asked. */
export function report(bench: string, figures: Figure[]): BenchRecord[] {
  const records = figures.map((f) => toRecord(bench, f));
  console.table(
    records.map((r) => ({
      what: r.name,
      value: Number(r.value.toFixed(Math.abs(r.value) < 10 ? 2 : 0)),
      unit: r.unit,
      target: r.target ?? '-',
      met: r.met === null ? '' : r.met ? 'yes' : 'NO',
    })),
  );
  const file = process.env[RECORDS_FILE_ENV];
  if (file) fs.appendFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return records;
}

/** The p-th percentile (0-100) of samples, nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
