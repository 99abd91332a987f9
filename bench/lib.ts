// A tiny benchmark harness. Machines here are shared and noisy, so every figure
// is reported next to a baseline measured in the same run, and the bar is on
// the ratio as much as on the absolute number.

import { cpus } from "node:os";

export type Row = {
  figure: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** the bar, in words, e.g. "≥ 0.7 × baseline, ≥ 100/s" */
  bar: string;
  pass: boolean;
  /** Further figures for the JSON file (percentiles, sizes …). */
  details?: Record<string, number | string>;
};

export type BenchContext = {
  /** `--quick`: tiny sizes, to check the benchmark code works (CI); the figures mean nothing. */
  quick: boolean;
  /** Says something beside the table (a skipped row and why). */
  note(message: string): void;
};

export type Bench = { name: string; run: (ctx: BenchContext) => Promise<Row[]> };

export type MeasureOptions =
  /** run exactly this many times */
  | { iterations: number; warmup?: number }
  /** run until this much time has passed */
  | { durationMs: number; warmup?: number };

export type Measurement = {
  name: string;
  iterations: number;
  totalMs: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  perSecond: number;
};

/** Times `fn` one call at a time (awaiting it), after `warmup` untimed calls. */
export async function measure(
  name: string,
  fn: () => unknown,
  options: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  const done =
    "iterations" in options
      ? () => samples.length >= options.iterations
      : () => samples.length > 0 && performance.now() - started >= options.durationMs;
  while (!done()) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(name, samples);
}

export function summarize(name: string, samples: number[]): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const totalMs = samples.reduce((sum, s) => sum + s, 0);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    name,
    iterations: samples.length,
    totalMs,
    meanMs: totalMs / samples.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    perSecond: (samples.length * 1000) / totalMs,
  };
}

/**
 * Measures `subject` and `baseline` in alternating rounds, so that a burst of
 * load from a neighbour hits both alike, and sums the rounds.
 */
export async function measurePair(
  subject: { name: string; fn: () => unknown },
  baseline: { name: string; fn: () => unknown },
  { iterations, rounds = 5, warmup = 20 }: { iterations: number; rounds?: number; warmup?: number },
): Promise<{ subject: Measurement; baseline: Measurement }> {
  for (let i = 0; i < warmup; i++) {
    await subject.fn();
    await baseline.fn();
  }
  const perRound = Math.ceil(iterations / rounds);
  const samples = { subject: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["subject", "baseline"] as const) : (["baseline", "subject"] as const);
    for (const which of order) {
      const fn = which === "subject" ? subject.fn : baseline.fn;
      const n = Math.min(perRound, iterations - samples[which].length);
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        samples[which].push(performance.now() - t);
      }
    }
  }
  return { subject: summarize(subject.name, samples.subject), baseline: summarize(baseline.name, samples.baseline) };
}

const fmt = (n: number): string =>
  !Number.isFinite(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

/** Prints rows as an aligned table. */
export function printTable(rows: Row[], write: (line: string) => void = console.log): void {
  const header = ["figure", "value", "unit", "baseline", "ratio", "bar", "result"];
  const body = rows.map((row) => [
    row.figure,
    fmt(row.value),
    row.unit,
    fmt(row.baseline),
    `${row.ratio.toFixed(2)}×`,
    row.bar,
    row.pass ? "PASS" : "FAIL",
  ]);
  const numeric = new Set([1, 3, 4]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  write(line(header));
  write(widths.map((w) => "-".repeat(w)).join("  "));
  for (const cells of body) write(line(cells));
}

export function machineLine(): string {
  const cpu = cpus();
  return `${new Date().toISOString()} · node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}`;
}
