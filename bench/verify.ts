// quality.md, "verification": `audit:verify` over 1,000,000 events ≥ 100,000 events/s. The
// large database (bench/large.ts) gets five more events per case (1,000,000 in all), a report
// per case and a sealed checkpoint per change (bench/seal-generated.ts: 600,000), then the
// real CLI runs against it as a user would, and must find it intact. The baseline is reading the same rows in the same
// order with PostgreSQL's COPY … TO STDOUT (no hashing): how fast the rows can come at all.
import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import postgres from "postgres";

import { appendEvents, eventAt, openSink } from "./generate";
import { largeDatabase, largeSizes } from "./large";
import type { BenchContext, Row } from "./lib";
import { scratchEnv } from "./scratch";
import { sealGenerated, type Round } from "./seal-generated";
import { ROOT } from "./server";

const MIN_PER_SECOND = 100_000;

export async function benchVerify(ctx: BenchContext): Promise<Row[]> {
  const { scratch, filled } = await largeDatabase(ctx);
  const { eventsPerCase } = largeSizes(ctx.quick);
  const sink = await openSink(scratch);
  let events: number;
  try {
    const [{ n }] = (await sink.query<{ n: string }>("select count(*)::text as n from case_events")) as [{ n: string }];
    events = Number(n);
    if (events === filled.cases * eventsPerCase) {
      const n = filled.cases;
      // The generated cases as one change each (sealing event 5), then one change per event.
      const rounds: Round[] = [{ seq: eventsPerCase, hashes: [], at: [] }];
      for (let g = 1; g <= n; g++) {
        rounds[0]!.hashes.push(filled.lastHash.get(g)!);
        rounds[0]!.at.push(eventAt(g, eventsPerCase));
      }
      for (let seq = eventsPerCase + 1; seq <= eventsPerCase * 2; seq++) rounds.push({ seq, hashes: new Array<string>(n), at: new Array<string>(n) });
      events += await appendEvents(sink, n, eventsPerCase + 1, eventsPerCase * 2, filled.staffIds, filled.lastHash, (g, seq, hash, at) => {
        const round = rounds[seq - eventsPerCase]!;
        round.hashes[g - 1] = hash;
        round.at[g - 1] = at;
      });
      const t = performance.now();
      const checkpoints = await sealGenerated(sink, n, rounds);
      process.stderr.write(`  sealed ${checkpoints} checkpoints in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await sink.close();
  }

  // The CLI, timed from outside (process start included) and by its own account.
  const t = performance.now();
  const { output, code } = await new Promise<{ output: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/audit/verify-cli.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...scratchEnv(scratch) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let problems = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (problems = (problems + c.toString()).slice(-3_000)));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ output: `${out}\n${problems}`, code }));
  });
  const wallSeconds = (performance.now() - t) / 1000;
  const checked = /Checked (\d+) cases, (\d+) events and \d+ checkpoints in ([\d.]+) s/.exec(output);
  if (!checked || Number(checked[2]) !== events) throw new Error(`audit:verify did not check ${events} events:\n${output.slice(-3000)}`);
  // The generated history is sealed as Värna seals it: anything found is a bug in one or the other.
  if (code !== 0) throw new Error(`audit:verify exited ${code} on the generated data:\n${output.slice(-3000)}`);
  const perSecond = events / wallSeconds;

  // Baseline: the same rows, same order, straight out of PostgreSQL.
  let baselineSeconds = NaN;
  if (scratch.kind === "postgres") {
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const t0 = performance.now();
    const readable = await sql
      .unsafe(
        `copy (select id, case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash
                 from case_events order by case_id, seq) to stdout`,
      )
      .readable();
    await pipeline(readable, new Writable({ write: (_chunk, _enc, done) => done() }));
    baselineSeconds = (performance.now() - t0) / 1000;
    await sql.end();
  } else {
    ctx.note("verify: no COPY baseline on the embedded database");
  }
  const baseline = events / baselineSeconds;
  return [
    {
      figure: `audit:verify, ${events.toLocaleString("en")} events on ${scratch.kind === "postgres" ? "PostgreSQL" : "embedded"} (whole CLI run ${wallSeconds.toFixed(1)} s; its own count ${Number(checked[3]).toFixed(1)} s; vs COPY … TO STDOUT of the same rows)`,
      value: perSecond,
      unit: "events/s",
      baseline,
      ratio: perSecond / baseline,
      bar: `≥ ${MIN_PER_SECOND.toLocaleString("en")} events/s`,
      pass: perSecond >= MIN_PER_SECOND,
      details: { events, wallSeconds, cliSeconds: Number(checked[3]), baselineSeconds },
    },
  ];
}
