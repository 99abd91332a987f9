// Makes the generated database look as Värna would have written it, so audit:verify walks the
// real thing and finds nothing: one report per case, the inbox's copied columns as the
// snapshot says, and the municipality-wide checkpoint sequence (docs/decisions/0004) sealed
// with the benchmarks' AUDIT_KEY — one checkpoint per change, changes of different cases
// interleaved in the sequence as they are in a working municipality.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import { CHECKPOINT_GENESIS, checkpointHash, checkpointMac, keyId } from "../app/audit/checkpoint";
import { documentsByCaseSql, snapshotDigestSql } from "../app/audit/digests.server";
import { caseColumns } from "../app/cases/store.server";
import { openCase } from "../workflows";
import { benchId, sampleOpened, type Sink } from "./generate";
import { BENCH_AUDIT_KEY } from "./scratch";

/** One change of every case: the head event it left (index g - 1 for case g). */
export type Round = { seq: number; hashes: string[]; at: string[] };

export async function sealGenerated(sink: Sink, n: number, rounds: Round[]): Promise<number> {
  const BATCH = 50_000;
  // The statistics' per-row trigger takes a lock per child: 50,000 in one statement exhausts
  // the lock table. Off for the bulk insert; rebuild_statistics() writes what it would have.
  await sink.query("alter table reports disable trigger reports_statistics");
  for (let from = 1; from <= n; from += BATCH) {
    await sink.query(
      `insert into reports (id, case_id, idempotency_key, received_at, reporter_kind, reporter_name, child_name,
                            child_personal_number, guardians, siblings, concern_what, child_knows, violence_kinds)
       select md5('report' || g)::uuid, c.id, 'bench-' || g, c.received_at, case when g % 3 = 0 then 'private' else 'mandated' end,
              'Rektor ' || g, ch.name, ch.personal_number, '[{"name":"Förälder","phone":null,"email":null,"address":null,"knowsAboutReport":"unknown"}]'::jsonb,
              '[]'::jsonb, 'Barnet har berättat om bråk hemma och kommer ofta trött till skolan. ' || g, 'unknown', '[]'::jsonb
         from generate_series($1::int, $2::int) g
         join cases c on c.id = md5('case' || g)::uuid join children ch on ch.id = c.child_id`,
      [from, Math.min(n, from + BATCH - 1)],
    );
  }
  await sink.query("alter table reports enable trigger reports_statistics");
  await sink.query("select rebuild_statistics()");
  const columns = caseColumns(openCase(sampleOpened()).snapshot);
  await sink.query(
    `update cases set state = $1, open = $2, urgent = $3, violence = $4, report_count = $5, assignee_id = $6,
                      next_deadline_kind = $7, next_deadline = $8, decision_due = $9, machine_version = $10`,
    [columns.state, columns.open, columns.urgent, columns.violence, columns.reportCount, columns.assigneeId,
     columns.nextDeadlineKind, columns.nextDeadline, columns.decisionDue, columns.machineVersion],
  );

  const dialect = new PgDialect();
  const digests = new Map(
    (await sink.query<{ id: string; digest: string }>(`select c.id::text as id, ${snapshotDigestSql} as digest from cases c`)).map((r) => [r.id, r.digest]),
  );
  const docs = dialect.sqlToQuery(documentsByCaseSql(() => sql`true`));
  const documents = new Map(
    (await sink.query<{ case_id: string; documents: string }>(docs.sql, docs.params)).map((r) => [r.case_id, r.documents]),
  );

  const key = BENCH_AUDIT_KEY;
  const kid = keyId(key);
  const ids = Array.from({ length: n }, (_, i) => benchId("case", i + 1));
  let prev = CHECKPOINT_GENESIS;
  let seq = 0;
  let lines: string[] = [];
  const columnsOut = ["seq", "case_id", "case_seq", "case_hash", "snapshot_digest", "from_digest", "documents", "at", "prev_hash", "hash", "key_id", "mac"];
  const flush = async () => {
    if (lines.length > 0) await sink.copy("audit_checkpoints", columnsOut, lines.join(""));
    lines = [];
  };
  for (const [r, round] of rounds.entries()) {
    for (let i = 0; i < n; i++) {
      const caseId = ids[i]!;
      const digest = digests.get(caseId)!;
      const fields = {
        seq: ++seq,
        caseId,
        caseSeq: round.seq,
        caseHash: round.hashes[i]!,
        snapshotDigest: digest,
        fromDigest: r === 0 ? "" : digest,
        documents: documents.get(caseId) ?? "",
        at: round.at[i]!,
      };
      const hash = checkpointHash(prev, fields);
      lines.push(
        `${seq}\t${caseId}\t${fields.caseSeq}\t${fields.caseHash}\t${digest}\t${fields.fromDigest}\t${fields.documents}\t${fields.at}\t${prev}\t${hash}\t${kid}\t${checkpointMac(key, hash)}\n`,
      );
      prev = hash;
      if (lines.length >= 20_000) await flush();
    }
  }
  await flush();
  await sink.query(`insert into audit_head (id, seq, hash) values (1, $1, $2)`, [seq, prev]);
  if (sink.kind === "postgres") await sink.query("analyze");
  return seq;
}
