import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import { sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import { env } from "../env.server";
import { CHECKPOINT_GENESIS } from "./checkpoint";
import { rowsOf } from "./digests.server";
import { planPages, verifyCases, type CasesOptions, type CasesResult, type Page, type VerifyProblem } from "./verify-cases.server";

export type { VerifyProblem } from "./verify-cases.server";
export type VerifyReport = {
  cases: number;
  events: number;
  checkpoints: number;
  /** The newest checkpoint, to be kept apart as an anchor (audit:verify --anchor). */
  head: { seq: number; hash: string } | null;
  problems: VerifyProblem[];
};
export type VerifyOptions = {
  /** AUDIT_KEY: the keys checkpoints may be sealed with (default: the environment's). */
  keys?: string[];
  /** A head recorded earlier outside the database: the sequence must still contain it. */
  anchor?: { seq: number; hash: string } | null;
  /**
   * Also rebuild every case from its events through the statechart and compare with the
   * stored snapshot (audit:verify --replay). Slower (the machine, not the database, sets the
   * pace), and not needed to detect tampering: the sealed digests already pin every
   * snapshot; this proves the snapshots are what the events say.
   */
  replay?: boolean;
  /**
   * On PostgreSQL: check the cases in this many worker threads, each with its own
   * connections to `url` (audit:verify: one per core). Without it, in this thread.
   */
  parallel?: { url: string; workers?: number };
  /** Cases a page (default CASES_PER_PAGE); the tests use tiny pages to cross page and worker boundaries. */
  casesPerPage?: number;
};

const NO_CASE = "00000000-0000-0000-0000-000000000000";

/**
 * audit:verify. Two walks, at once on PostgreSQL:
 *
 * 1. The checkpoint sequence (verifySequence): numbered without gaps from 1, each linked to
 *    the one before, the head row agreeing, the anchor kept outside the database still in
 *    it — found by PostgreSQL, which returns only what is wrong.
 * 2. Every case (and every case id any checkpoint names), a page of case ids at a time
 *    (verify-cases.server.ts): its checkpoints each hashing to what they say and sealed by a
 *    MAC under AUDIT_KEY (which is not in the database, so recomputing the hashes is not
 *    enough to forge one); its event chain; its version; every checkpoint of the case still
 *    matching the event it pinned (so a rewritten chain or a removed tail shows); its
 *    snapshot equal to the sealed digest (and with `replay` to the replay of its events) and
 *    its copied columns; its reports and letters exactly those sealed, never changed
 *    between checkpoints, each letter's bytes matching its SHA-256.
 *
 * Every table is read once by the walk over the cases; the sequence walk reads only the
 * checkpoints' numbers and hashes, inside PostgreSQL.
 */
export async function verifyHistory(database: Database, options: VerifyOptions = {}): Promise<VerifyReport> {
  const casesOptions: CasesOptions = { keys: options.keys ?? env().auditKeys, replay: options.replay ?? false };
  const workers = options.parallel ? Math.max(1, options.parallel.workers ?? availableParallelism()) : 1;
  const pages = await planPages(database, options.casesPerPage);
  const [sequence, walked] = await Promise.all([
    verifySequence(database, options.anchor ?? null),
    options.parallel && workers > 1 && database.kind === "postgres" && pages.length > 1
      ? verifyCasesInWorkers(options.parallel.url, pages, workers, casesOptions)
      : verifyCases(database, pages, casesOptions),
  ]);
  const problems = [...sequence.problems, ...walked.problems];
  await nameCases(database, problems);
  return { cases: walked.cases, events: walked.events, checkpoints: sequence.checkpoints, head: sequence.head, problems };
}

/** The case walk split over worker threads (verify-worker.mjs), pages dealt round in turn. */
async function verifyCasesInWorkers(url: string, pages: Page[], workers: number, options: CasesOptions): Promise<CasesResult> {
  const share = (w: number) => pages.filter((_, i) => i % workers === w);
  const results = await Promise.all(
    Array.from({ length: Math.min(workers, pages.length) }, (_, w) =>
      new Promise<CasesResult>((resolve, reject) => {
        const worker = new Worker(new URL("./verify-worker.mjs", import.meta.url), { workerData: { url, pages: share(w), options } });
        let result: CasesResult | null = null;
        worker.on("message", (message: CasesResult) => (result = message));
        worker.on("error", reject);
        worker.on("exit", (code) => (result ? resolve(result) : reject(new Error(`audit:verify: a worker stopped (exit ${code}) before it had checked its cases`))));
      }),
    ),
  );
  return {
    cases: results.reduce((n, r) => n + r.cases, 0),
    events: results.reduce((n, r) => n + r.events, 0),
    problems: results.flatMap((r) => r.problems),
  };
}

async function verifySequence(database: Database, anchor: { seq: number; hash: string } | null) {
  const problems: VerifyProblem[] = [];
  const report = (caseId: string, problem: string) => problems.push({ caseId, referenceNumber: null, seq: null, problem });
  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(q));
  // Each checkpoint beside the one before it in the sequence; only the ones out of place or
  // not linked to their predecessor come back.
  const [breaks, [summary], [head], [anchored]] = await Promise.all([
    query<{ seq: number; case_id: string; prev_seq: number | null; linked: boolean }>(
      sql`select seq::float8 as seq, case_id, prev_seq::float8 as prev_seq, prev_hash = coalesce(prev_of, ${CHECKPOINT_GENESIS}) as linked
            from (select seq, case_id, prev_hash, lag(seq) over w as prev_seq, lag(hash) over w as prev_of
                    from audit_checkpoints window w as (order by seq)) s
           where coalesce(prev_seq, 0) <> seq - 1 or prev_hash <> coalesce(prev_of, ${CHECKPOINT_GENESIS})
           order by seq`,
    ),
    query<{ n: number; seq: number | null; hash: string | null }>(
      sql`select (select count(*) from audit_checkpoints)::float8 as n, last.seq::float8 as seq, last.hash
            from (select 1) one left join (select seq, hash from audit_checkpoints order by seq desc limit 1) last on true`,
    ),
    query<{ seq: number; hash: string }>(sql`select seq::float8 as seq, hash from audit_head where id = 1`),
    anchor
      ? query<{ hash: string; case_id: string }>(sql`select hash, case_id from audit_checkpoints where seq = ${anchor.seq}`)
      : Promise.resolve([]),
  ]);
  for (const b of breaks) {
    const seq = Number(b.seq);
    const expected = Number(b.prev_seq ?? 0) + 1;
    // Whose changes they were is gone with them: named as the sequence's, not the next case's.
    if (seq !== expected) {
      report(NO_CASE, `checkpoint${seq - expected > 1 ? `s ${expected}–${seq - 1} are` : ` ${expected} is`} missing: changes were removed from the sequence`);
    }
    if (!b.linked) report(b.case_id, `checkpoint ${seq} does not link to the checkpoint before it`);
  }
  const last = summary?.seq != null ? { seq: Number(summary.seq), hash: summary.hash! } : null;
  if ((head ? Number(head.seq) : 0) !== (last?.seq ?? 0) || (head && head.hash !== last?.hash)) {
    report(NO_CASE, `the newest checkpoint is ${last?.seq ?? "none"} but the sequence's head says ${head ? Number(head.seq) : "none"}: checkpoints were removed or added`);
  }
  if (anchor && anchored && anchored.hash !== anchor.hash) {
    report(anchored.case_id, `checkpoint ${anchor.seq} is not the one recorded in the anchor: the sequence was rewritten`);
  }
  if (anchor && !anchored) {
    report(NO_CASE, `the anchor kept outside the database names checkpoint ${anchor.seq}, but the sequence ends at ${last?.seq ?? "none"}: its newest changes were removed`);
  }
  return { checkpoints: Number(summary?.n ?? 0), head: last, problems };
}

/** Problems found in the sequence walk name only the case id; add the reference where the case still exists. */
async function nameCases(database: Database, problems: VerifyProblem[]) {
  const unnamed = [...new Set(problems.filter((p) => p.referenceNumber === null && p.caseId !== NO_CASE).map((p) => p.caseId))];
  if (unnamed.length === 0) return;
  const rows = rowsOf<{ id: string; reference_number: string }>(
    await database.db.execute(sql`select id, reference_number from cases where id in ${unnamed}`),
  );
  const names = new Map(rows.map((r) => [r.id, r.reference_number]));
  for (const p of problems) if (p.referenceNumber === null) p.referenceNumber = names.get(p.caseId) ?? null;
}
