import { sql } from "drizzle-orm";

import type { Tx } from "../../db/client";
import { env } from "../env.server";
import { CHECKPOINT_GENESIS, checkpointHash, checkpointMac, keyId } from "./checkpoint";
import { documentsByCaseSql, rowsOf, snapshotDigestSql } from "./digests.server";

/**
 * Seals a change of a case: the last call of every transaction that changes a case (opened,
 * command applied, report added, letters stored). Writes the next checkpoint of the
 * municipality-wide sequence, pinning the case's head event, its snapshot and its reports
 * and letters, linked to the checkpoint before it and MAC'd with AUDIT_KEY.
 *
 * The head row is locked until commit, so checkpoints get consecutive numbers in commit
 * order; it is taken last in the transaction, after the case's own row lock, so the
 * serialised part is short and the lock order is always the same.
 */
// The snapshot each change started from, per transaction and case: a snapshot edited between
// two changes (and then built on by the second) shows as a break in the digests.
const changeStarts = new WeakMap<object, Map<string, string>>();

/** Called where a change reads the case it will change (app/cases/store.server.ts applyCommands). */
export async function noteChangeStart(tx: Tx, caseId: string): Promise<void> {
  let started = changeStarts.get(tx);
  if (started?.has(caseId)) return;
  const [row] = rowsOf<{ digest: string }>(
    await tx.execute(sql`select ${sql.raw(snapshotDigestSql)} as digest from cases c where c.id = ${caseId}`),
  );
  if (!started) changeStarts.set(tx, (started = new Map()));
  started.set(caseId, row?.digest ?? "");
}

export async function sealCase(tx: Tx, caseId: string, now: Date = new Date()): Promise<void> {
  // The case's state and the next number of the sequence, in one statement (one round trip
  // fewer for every change of a case); the head row's lock is still taken last.
  const [state] = rowsOf<{ case_seq: number; case_hash: string | null; snapshot_digest: string; documents: string | null; seq: string | number; prev_hash: string }>(
    await tx.execute(sql`
      with state as (
        select c.version as case_seq, e.hash as case_hash, ${sql.raw(snapshotDigestSql)} as snapshot_digest,
               (select documents from (${documentsByCaseSql((id) => sql`${id} = ${caseId}`)}) d) as documents
          from cases c left join case_events e on e.case_id = c.id and e.seq = c.version
         where c.id = ${caseId}),
      head as (
        insert into audit_head (id, seq, hash) values (1, 1, ${CHECKPOINT_GENESIS})
        on conflict (id) do update set seq = audit_head.seq + 1
        returning seq::float8 as seq, hash as prev_hash)
      select state.*, head.seq, head.prev_hash from state, head`),
  );
  if (!state || state.case_hash === null) throw new Error(`sealCase: case ${caseId} has no head event`);
  const key = env().auditKeys[0]!;
  const fields = {
    seq: Number(state.seq),
    caseId,
    caseSeq: Number(state.case_seq),
    caseHash: state.case_hash,
    snapshotDigest: state.snapshot_digest,
    fromDigest: changeStarts.get(tx)?.get(caseId) ?? "",
    documents: state.documents ?? "",
    at: now.toISOString(),
  };
  const hash = checkpointHash(state.prev_hash, fields);
  await tx.execute(sql`
    with moved as (update audit_head set hash = ${hash} where id = 1)
    insert into audit_checkpoints (seq, case_id, case_seq, case_hash, snapshot_digest, from_digest, documents, at, prev_hash, hash, key_id, mac)
    values (${fields.seq}, ${caseId}, ${fields.caseSeq}, ${fields.caseHash}, ${fields.snapshotDigest}, ${fields.fromDigest}, ${fields.documents},
            ${fields.at}, ${state.prev_hash}, ${hash}, ${keyId(key)}, ${checkpointMac(key, hash)})`);
  // A second change of the case in the same transaction starts from this one.
  changeStarts.get(tx)?.set(caseId, fields.snapshotDigest);
}
