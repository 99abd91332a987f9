// quality.md, "intake": full form POSTs to /anmalan through the real server (validation,
// transaction, event, receipt), 32 at a time, on PostgreSQL: throughput ≥ 0.5 × the bare
// stack (bench/bare-intake.ts) and p99 < 50 ms. The embedded database is measured the same
// way against the same bare server on PGlite (bar: ≥ 0.5 × its own bare figure).
import { validIntakeFields } from "../app/intake/fixtures";
import { DEFAULT_UNIT } from "../app/units.server";
import { openSink } from "./generate";
import type { BenchContext, Row } from "./lib";
import { load, type LoadResult } from "./load";
import { WORKER_FAILED } from "../app/letters/draw.server";
import { PORTS, startApp, startProcess, type Running } from "./server";
import { postgresAdminUrl, scratchEnv, scratchPglite, scratchPostgres, type Scratch } from "./scratch";

const CONCURRENCY = 32;
const MIN_RATIO = 0.5;
const MAX_P99_MS = 50;

/** A valid personnummer (Luhn check digit) for child number i: distinct for i < 2,700,000. */
export function personnummer(i: number): string {
  const day = new Date(Date.UTC(2010, 0, 1) + (i % 3000) * 86_400_000);
  const ymd = day.toISOString().slice(0, 10).replace(/-/g, "");
  const serial = String(100 + (Math.floor(i / 3000) % 900));
  const digits = ymd.slice(2) + serial;
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    let d = Number(digits[k]) * (k % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${ymd}-${serial}${(10 - (sum % 10)) % 10}`;
}

function formBody(i: number): string {
  return new URLSearchParams(
    validIntakeFields({ childPersonalNumber: personnummer(i), childName: `Barn Nummer${i} Testsson` }),
  ).toString();
}

async function withUnit(scratch: Scratch): Promise<Scratch> {
  const sink = await openSink(scratch);
  await sink.query("insert into units (name, municipality) values ($1, $2) on conflict do nothing", [
    DEFAULT_UNIT.name,
    DEFAULT_UNIT.municipality,
  ]);
  await sink.close();
  return scratch;
}

function combine(results: LoadResult[]) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const seconds = results.reduce((s, r) => s + r.seconds, 0);
  const ok = results.reduce((s, r) => s + r.requests - r.errors, 0);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  return { perSecond: ok / seconds, p50: at(0.5), p99: at(0.99), errors, firstError: results.find((r) => r.firstError)?.firstError ?? null };
}

async function measureKind(kind: "postgres" | "pglite", ctx: BenchContext): Promise<Row> {
  const perRound = ctx.quick ? 32 : 500;
  const rounds = ctx.quick ? 1 : 3;
  const adminUrl = postgresAdminUrl();
  const make = async () => withUnit(kind === "postgres" ? await scratchPostgres(adminUrl!) : await scratchPglite());
  const appDb = await make();
  const bareDb = await make();
  let app: Running | null = null;
  let bare: Running | null = null;
  let next = 0;
  // Each report from its own address (as through the municipality's proxy): the intake's
  // per-address limit (20 per 15 minutes) is part of what is measured, not what stops it.
  const request = (port: number) => () => {
    const i = next++;
    return {
      method: "POST" as const,
      path: "/anmalan?index",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: `http://127.0.0.1:${port}`,
        "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
      body: formBody(i),
    };
  };
  const ok = (res: { status: number; headers: Record<string, unknown> }) =>
    (res.status === 302 || res.status === 303) && String(res.headers.location ?? "").includes("/anmalan/kvittens/");
  try {
    app = await startApp(scratchEnv(appDb));
    bare = await startProcess(process.execPath, ["--import", "tsx", "bench/bare-intake.ts"], scratchEnv(bareDb), PORTS.bare);
    // Warm-up: the first requests compile code paths and fill caches on both sides.
    await load(app.port, { total: ctx.quick ? 8 : 64, concurrency: 8, next: request(app.port), ok });
    await load(bare.port, { total: ctx.quick ? 8 : 64, concurrency: 8, next: request(bare.port), ok });
    const results = { app: [] as LoadResult[], bare: [] as LoadResult[] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (["app", "bare"] as const) : (["bare", "app"] as const);
      for (const which of order) {
        const port = which === "app" ? app.port : bare.port;
        results[which].push(await load(port, { total: perRound, concurrency: CONCURRENCY, next: request(port), ok }));
      }
    }
    const a = combine(results.app);
    const b = combine(results.bare);
    // Failed submissions (e.g. 408 when a request waited too long for the embedded database)
    // are counted and fail the row; they are not throughput.
    const failed = a.errors > 0 ? `; ${a.errors} of ${rounds * perRound} FAILED, first: ${a.firstError?.slice(0, 40)}` : "";
    if (a.errors > 0) ctx.note(`intake (${kind}): ${a.errors} submissions failed; first: ${a.firstError?.slice(0, 200)}`);
    if (b.errors > 0) throw new Error(`bare intake (${kind}): ${b.errors} failed requests; first: ${b.firstError}`);
    // Receipts are drawn on a worker thread (app/letters/draw.server.ts); say so if they were not.
    if (app.output().includes(WORKER_FAILED)) ctx.note(`intake (${kind}): letters were drawn on the server's thread: the worker failed`);
    const ratio = a.perSecond / b.perSecond;
    const onPostgres = kind === "postgres";
    return {
      figure: `intake, ${onPostgres ? "PostgreSQL" : "embedded"}, ${CONCURRENCY} concurrent, ${rounds}×${perRound} reports (p50 ${a.p50.toFixed(1)} / p99 ${a.p99.toFixed(1)} ms; bare p50 ${b.p50.toFixed(1)} / p99 ${b.p99.toFixed(1)} ms${failed})`,
      value: a.perSecond,
      unit: "reports/s",
      baseline: b.perSecond,
      ratio,
      bar: onPostgres ? `≥ ${MIN_RATIO} × bare, p99 < ${MAX_P99_MS} ms` : `≥ ${MIN_RATIO} × bare (PGlite)`,
      pass: a.errors === 0 && ratio >= MIN_RATIO && (!onPostgres || a.p99 < MAX_P99_MS),
      details: { p50Ms: a.p50, p99Ms: a.p99, bareP50Ms: b.p50, bareP99Ms: b.p99, requests: rounds * perRound, failed: a.errors },
    };
  } finally {
    await app?.stop();
    await bare?.stop();
    await appDb.drop();
    await bareDb.drop();
  }
}

export async function benchIntake(ctx: BenchContext): Promise<Row[]> {
  const rows: Row[] = [];
  if (postgresAdminUrl()) rows.push(await measureKind("postgres", ctx));
  else ctx.note("intake on PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL");
  rows.push(await measureKind("pglite", ctx));
  return rows;
}
