// quality.md, "export": one case with 10,000 events to JSON Lines, and 100,000 cases to CSV —
// streamed, peak memory < 150 MB whatever the size, time ≤ 2 × PostgreSQL's own
// `COPY … TO STDOUT` of the same rows. The app's export functions run in this process
// (as the routes call them, access log included) and are drained as a client would; the
// heap is sampled after every chunk. The baseline copies the same rows out of PostgreSQL.
// Both sides run three times and keep their fastest (the export on one open pool, as a
// server's; its peak heap is the largest of the three).
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import postgres from "postgres";

import type { SessionUser } from "../app/auth/session.server";
import { exportCasesCsv, exportCasesJsonLines, parseDateRange, type CasesExport } from "../app/audit/export-range.server";
import { fill, openSink, type Sink } from "./generate";
import { largeDatabase, largeSizes } from "./large";
import type { BenchContext, Row } from "./lib";
import { openScratch, postgresAdminUrl, scratchPglite, scratchPostgres, type Scratch } from "./scratch";

const MAX_RATIO = 2;
const MAX_PEAK_MB = 150;
const MiB = 1024 * 1024;

export async function benchExport(ctx: BenchContext): Promise<Row[]> {
  return [await oneLongCase(ctx), await manyCases(ctx)];
}

/** One case of 10,000 events (its own scratch database), as JSON Lines. */
async function oneLongCase(ctx: BenchContext): Promise<Row> {
  const events = ctx.quick ? 200 : 10_000;
  const url = postgresAdminUrl();
  const scratch = url ? await scratchPostgres(url) : await scratchPglite();
  try {
    const sink = await openSink(scratch);
    let auditor: SessionUser;
    try {
      const filled = await fill(sink, 1, events);
      auditor = await addAuditor(sink, filled.unitId);
    } finally {
      await sink.close();
    }
    const app = await drainExport(scratch, auditor, exportCasesJsonLines);
    const baseline = await copySeconds(
      scratch,
      ctx,
      `select e.case_id, e.seq, e.type, e.event, e.actor_id, e.actor_name, e.occurred_at, e.prev_hash, e.hash
         from case_events e order by e.case_id, e.seq`,
    );
    return row(`export: one case of ${events.toLocaleString("en")} events as JSON Lines (${(app.bytes / MiB).toFixed(1)} MiB), vs COPY of its events`, app, baseline);
  } finally {
    await scratch.drop();
  }
}

/** Every case of the large database (100,000) as CSV, one row per case. */
async function manyCases(ctx: BenchContext): Promise<Row> {
  const { scratch, filled } = await largeDatabase(ctx);
  const { cases } = largeSizes(ctx.quick);
  const sink = await openSink(scratch);
  let auditor: SessionUser;
  try {
    auditor = await addAuditor(sink, filled.unitId);
  } finally {
    await sink.close();
  }
  const app = await drainExport(scratch, auditor, exportCasesCsv);
  const baseline = await copySeconds(
    scratch,
    ctx,
    `select c.reference_number, c.received_at, c.state, c.closed_at, c.report_count, c.violence, c.urgent, a.name, c.version,
            (select hash from case_events e where e.case_id = c.id and e.seq = c.version)
       from cases c join units u on u.id = c.unit_id left join users a on a.id = c.assignee_id
      order by c.received_at, c.id`,
  );
  return row(`export: ${cases.toLocaleString("en")} cases as CSV (${(app.bytes / MiB).toFixed(1)} MiB), vs COPY of the same columns`, app, baseline);
}

type Drained = { seconds: number; bytes: number; chunks: number; peakMiB: number; firstChunkMs: number };

/**
 * Drains the export three times on one open pool (as a server's) and keeps the fastest run, as
 * the COPY baseline keeps its fastest; the peak heap reported is the largest of the three.
 */
async function drainExport(
  scratch: Scratch,
  auditor: SessionUser,
  run: typeof exportCasesCsv,
): Promise<Drained> {
  const range = parseDateRange(new URLSearchParams("from=2000-01-01&to=2099-12-31"));
  if (!range.ok) throw new Error(range.message);
  const db = await openScratch(scratch);
  try {
    const runs: Drained[] = [];
    for (let i = 0; i < 3; i++) {
      const heap = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const before = heap();
      const t = performance.now();
      const exported: CasesExport | null = await run(db.db, auditor, range);
      if (!exported) throw new Error("the auditor may not export");
      let bytes = 0;
      let chunks = 0;
      let peak = 0;
      let firstChunkMs = NaN;
      for await (const chunk of exported.chunks) {
        if (chunks === 0) firstChunkMs = performance.now() - t;
        bytes += Buffer.byteLength(chunk);
        chunks++;
        peak = Math.max(peak, heap() - before);
      }
      runs.push({ seconds: (performance.now() - t) / 1000, bytes, chunks, peakMiB: peak / MiB, firstChunkMs });
    }
    const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    return { ...fastest, peakMiB: Math.max(...runs.map((r) => r.peakMiB)) };
  } finally {
    await db.close();
  }
}

async function addAuditor(sink: Sink, unitId: string): Promise<SessionUser> {
  const email = `bench-granskare-${Math.random().toString(36).slice(2)}@example.se`;
  const [u] = await sink.query<{ id: string }>(
    `insert into users (email, name, role, unit_id, password_hash) values ($1, 'Granskare Bänk', 'auditor', $2, 'x') returning id`,
    [email, unitId],
  );
  return { id: u!.id, email, name: "Granskare Bänk", role: "auditor", unitId, phone: null, organisation: null, title: null, mandatedReporter: false, passwordChangeRequired: false };
}

/** Seconds for PostgreSQL to COPY the query's rows to this process (NaN on the embedded database). */
async function copySeconds(scratch: Scratch, ctx: BenchContext, query: string): Promise<number> {
  if (scratch.kind !== "postgres") {
    ctx.note("export: no COPY baseline on the embedded database");
    return NaN;
  }
  const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
  try {
    const best: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const readable = await sql.unsafe(`copy (${query}) to stdout`).readable();
      await pipeline(readable, new Writable({ write: (_chunk, _enc, done) => done() }));
      best.push((performance.now() - t) / 1000);
    }
    return Math.min(...best);
  } finally {
    await sql.end();
  }
}

function row(figure: string, app: Drained, baselineSeconds: number): Row {
  const ratio = app.seconds / baselineSeconds;
  const timeOk = Number.isNaN(ratio) || ratio <= MAX_RATIO;
  return {
    figure: `${figure}; peak heap +${app.peakMiB.toFixed(0)} MiB, first chunk after ${app.firstChunkMs.toFixed(0)} ms`,
    value: app.seconds * 1000,
    unit: "ms",
    baseline: baselineSeconds * 1000,
    ratio,
    bar: `≤ ${MAX_RATIO} × COPY, peak < ${MAX_PEAK_MB} MB`,
    pass: timeOk && app.peakMiB < MAX_PEAK_MB,
    details: { seconds: app.seconds, baselineSeconds, bytes: app.bytes, chunks: app.chunks, peakMiB: app.peakMiB, firstChunkMs: app.firstChunkMs },
  };
}
