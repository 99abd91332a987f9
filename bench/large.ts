// The large database shared by the inbox, memory and verification benchmarks: 100,000 cases
// and 500,000 events (quality.md), made once per run and dropped at the end. On PostgreSQL
// when a URL is given (BENCH_DATABASE_URL / TEST_DATABASE_URL), else embedded.
import { fill, openSink, type Filled } from "./generate";
import type { BenchContext } from "./lib";
import { postgresAdminUrl, scratchPglite, scratchPostgres, type Scratch } from "./scratch";

export type Large = { scratch: Scratch; filled: Filled; seconds: number };

let large: Promise<Large> | null = null;

export function largeSizes(quick: boolean) {
  return quick ? { cases: 600, eventsPerCase: 5 } : { cases: 100_000, eventsPerCase: 5 };
}

export function largeDatabase(ctx: BenchContext): Promise<Large> {
  return (large ??= (async () => {
    const t = performance.now();
    const url = postgresAdminUrl();
    const scratch = url ? await scratchPostgres(url) : await scratchPglite();
    const sink = await openSink(scratch);
    const { cases, eventsPerCase } = largeSizes(ctx.quick);
    try {
      const filled = await fill(sink, cases, eventsPerCase);
      const seconds = (performance.now() - t) / 1000;
      process.stderr.write(`  generated ${cases} cases, ${filled.events} events on ${scratch.kind} in ${seconds.toFixed(1)} s\n`);
      return { scratch, filled, seconds };
    } finally {
      await sink.close();
    }
  })());
}

export async function dropLarge(): Promise<void> {
  if (!large) return;
  const l = await large.catch(() => null);
  large = null;
  await l?.scratch.drop();
}
