import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Timing helpers for the benchmark: candidates interleaved run by run, median and p95. */
export interface Stat {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function stat(name: string, samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid =
    sorted.length % 2 === 1
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    name,
    runs: sorted.length,
    medianMs: mid,
    p95Ms: quantile(sorted, 0.95),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** Called after each run (progress). */
  onRun?: (run: number) => void;
}

/**
 * Runs every candidate once per run, in an order that rotates from run to run, so that noise on
 * a shared machine (another job, a GC, the JVM compiling) hits them alike.
 */
export async function measureTogether(
  cases: Record<string, () => Promise<unknown>>,
  options: MeasureOptions,
): Promise<Record<string, Stat>> {
  const names = Object.keys(cases);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < options.warmup + options.runs; run += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(run + k) % names.length]!;
      const started = performance.now();
      await cases[name]!();
      const elapsed = performance.now() - started;
      if (run >= options.warmup) samples[name]!.push(elapsed);
    }
    options.onRun?.(run);
  }
  return Object.fromEntries(names.map((name) => [name, stat(name, samples[name]!)]));
}

/** Resident set size of a process, from /proc (Linux), in MiB; null elsewhere. */
export function rssMiB(pid: number = process.pid): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function peakRssMiB(pid: number = process.pid): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** How a dataset's load went: total, generation, planning and writing seconds, and what it wrote. */
export interface LoadFigures {
  seconds: number;
  generateSeconds: number;
  planSeconds: number;
  writeSeconds: number;
  entities: number;
  versions: number;
  changes: number;
  refs: number;
}
