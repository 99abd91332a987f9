import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { migrateDatabase, openDatabase } from "../../db/client";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { runCaseCommand } from "../cases/commands.server";
import { createStaff, intakeInput, newCase, versionOf } from "../../test/test-support";
import { seedDemo } from "../demo/seed.server";
import { CHECKPOINT_GENESIS, checkpointHash, checkpointMac, keyId } from "./checkpoint";
import { eventHash } from "./hash";
import { childOfCase } from "./verify-cases.server";
import { verifyHistory, type VerifyProblem } from "./verify.server";

// One test per kind of tampering in quality.md, each done directly in SQL as someone with
// write access to the database (but not AUDIT_KEY) would.
describe.each(testDatabaseKinds())("audit:verify names tampering with a case's history (%s)", (kind) => {
  let t: TestDatabase | undefined;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let caseId: string;
  let reference: string;
  let reportId: string;
  let snapshotAt3: unknown;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
  });
  // A fresh case of four events for each kind of tampering, in the same database (notes by a
  // team lead, who does not take the case: exactly four events).
  beforeEach(async () => {
    if (!t) throw new Error("no database");
    const created = await newCase(t.db, { violenceKinds: ["familyViolence"] });
    caseId = created.caseId;
    reference = created.referenceNumber;
    reportId = created.reportId;
    for (const text of ["Första", "Andra", "Tredje"]) {
      if ((await versionOf(t.db, caseId)) === 3) {
        snapshotAt3 = (await t.rows<{ snapshot: unknown }>(`select snapshot from cases where id = $1`, [caseId]))[0]!.snapshot;
      }
      const done = await runCaseCommand(t.db, { caseId, expectedVersion: await versionOf(t.db, caseId), user: staff.teamLead, command: { type: "NOTE_ADDED", text } });
      expect(done.ok).toBe(true);
    }
  });
  afterAll(() => t?.drop());

  // A page of ids per case or two, so the case at hand sits among page boundaries; on
  // PostgreSQL the pages are checked by two worker threads, as audit:verify does.
  const paged = () => ({ casesPerPage: 2, parallel: kind === "postgres" ? { url: t!.url!, workers: 2 } : undefined });
  const problems = async () => (await verifyHistory(t!, paged())).problems.filter((p) => p.caseId === caseId);
  const named = (problem: string | RegExp, seq?: number) =>
    expect.objectContaining({ referenceNumber: reference, problem: expect.stringMatching(problem), ...(seq === undefined ? {} : { seq }) });

  it("an intact history verifies", async () => {
    expect(await problems()).toEqual([]);
  });

  it("event updated: named by case and event", async () => {
    await t!.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 3`, [caseId]);
    expect(await problems()).toContainEqual(named(/event 3 .* was altered/, 3));
  });

  it("event deleted: named", async () => {
    await t!.rows(`delete from case_events where case_id = $1 and seq = 2`, [caseId]);
    expect(await problems()).toContainEqual(named(/event 3 follows event 1/, 3));
  });

  it("events reordered: named", async () => {
    await t!.rows(`update case_events set seq = 100 where case_id = $1 and seq = 2`, [caseId]);
    await t!.rows(`update case_events set seq = 2 where case_id = $1 and seq = 3`, [caseId]);
    await t!.rows(`update case_events set seq = 3 where case_id = $1 and seq = 100`, [caseId]);
    expect(await problems()).toContainEqual(named(/event 2 does not link/, 2));
  });

  it("event inserted: named", async () => {
    await t!.rows(
      `insert into case_events (case_id, seq, type, event, actor_id, actor_name, occurred_at, prev_hash, hash)
       select case_id, 5, type, event, actor_id, actor_name, occurred_at, hash, hash from case_events where case_id = $1 and seq = 4`,
      [caseId],
    );
    expect(await problems()).toContainEqual(named(/event 5 .* was altered/, 5));
  });

  it("a case's tail deleted with its version and snapshot wound back: named by its checkpoint", async () => {
    await t!.rows(`delete from case_events where case_id = $1 and seq = 4`, [caseId]);
    await t!.rows(`update cases set version = 3, snapshot = $2::jsonb where id = $1`, [caseId, JSON.stringify(snapshotAt3)]);
    const found = await problems();
    expect(found).toContainEqual(named(/events after 3 were removed: checkpoint \d+ sealed event 4/));
    // Nothing else gives it away: the chain, the version and the snapshot agree with each other.
    expect(found.filter((p) => !/sealed|snapshot was edited/.test(p.problem))).toEqual([]);
  });

  it("a whole case deleted: named from its checkpoints", async () => {
    await deleteCase(t!, caseId, { reports: true });
    const found = (await verifyHistory(t!, paged())).problems.filter((p) => p.caseId === caseId);
    expect(found).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/the case was deleted: checkpoint \d+ sealed it with 4 event/) }));
  });

  it("a whole case deleted with its checkpoints: the gap in the sequence is named", async () => {
    await newCase(t!.db); // a later change, so the deleted case's checkpoints are not the newest
    const [{ first, last }] = (await t!.rows<{ first: number; last: number }>(
      `select min(seq)::int as first, max(seq)::int as last from audit_checkpoints where case_id = $1`,
      [caseId],
    )) as [{ first: number; last: number }];
    await deleteCase(t!, caseId, { reports: true });
    await t!.rows(`delete from audit_checkpoints where case_id = $1`, [caseId]);
    const found = (await verifyHistory(t!)).problems;
    expect(found).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(new RegExp(`checkpoints? ${first}.* missing`)) }));
    expect(last).toBeGreaterThan(first);
  });

  it("a whole case deleted with its reports left behind: both named", async () => {
    await t!.rows(`alter table reports drop constraint if exists reports_case_id_cases_id_fk`);
    await deleteCase(t!, caseId, { reports: false });
    const found = await problems();
    expect(found).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/the case was deleted/) }));
    expect(found).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/report\(s\) or letter\(s\) of a case that does not exist remain/) }));
  });

  it("the snapshot edited (violence flag turned off, as the inbox shows it): named", async () => {
    await t!.rows(
      `update cases set violence = false, snapshot = jsonb_set(snapshot, '{context,flags,violence}', 'false') where id = $1`,
      [caseId],
    );
    expect(await problems()).toContainEqual(named(/the snapshot was edited after checkpoint/));
    // --replay rebuilds it from its events, which say otherwise.
    const replayed = (await verifyHistory(t!, { ...paged(), replay: true })).problems.filter((p) => p.caseId === caseId);
    expect(replayed).toContainEqual(named(/the snapshot does not match the replay of its events/));
  });

  it("the snapshot edited and then built on by a later, legitimate change: still named", async () => {
    await t!.rows(`update cases set snapshot = jsonb_set(snapshot, '{context,flags,violence}', 'false') where id = $1`, [caseId]);
    await runCaseCommand(t!.db, { caseId, expectedVersion: 4, user: staff.teamLead, command: { type: "NOTE_ADDED", text: "Fjärde" } });
    const found = await problems();
    expect(found).toContainEqual(named(/the snapshot was edited between checkpoints \d+ and \d+, and a later change built on it/));
    // The inbox column was rewritten from the edited snapshot, so only the seal shows it.
    expect(found.filter((p) => /column/.test(p.problem))).toEqual([]);
  });

  it("a copied column edited (violence flag off in the inbox only): named", async () => {
    await t!.rows(`update cases set violence = false where id = $1`, [caseId]);
    expect(await problems()).toContainEqual(named(/the column violence says false but the snapshot says true/));
  });

  it("a report's text edited: named", async () => {
    await t!.rows(`update reports set concern_what = 'Ingen oro.' where id = $1`, [reportId]);
    expect(await problems()).toContainEqual(named(new RegExp(`report ${reportId} was edited`)));
  });

  it("a report's personnummer edited: named", async () => {
    await t!.rows(`update reports set child_personal_number = '201403122383' where id = $1`, [reportId]);
    expect(await problems()).toContainEqual(named(new RegExp(`report ${reportId} was edited`)));
  });

  it("a report edited and then sealed by a later, legitimate change: still named", async () => {
    await t!.rows(`update reports set concern_what = 'Ingen oro.' where id = $1`, [reportId]);
    await runCaseCommand(t!.db, { caseId, expectedVersion: 4, user: staff.teamLead, command: { type: "NOTE_ADDED", text: "Fjärde" } });
    expect(await problems()).toContainEqual(named(new RegExp(`report ${reportId} was changed between checkpoints`)));
  });

  it("a report moved to another case without a merge (no CASE_MERGED naming it): named", async () => {
    const other = await newCase(t!.db, { child: { ...intakeInput().child, name: "Annan Testsson", birthDate: "2012-01-01" } });
    await t!.rows(`update reports set case_id = $1 where id = $2`, [other.caseId, reportId]);
    expect(await problems()).toContainEqual(named(new RegExp(`report ${reportId} was deleted`)));
  });

  it("a case moved to another child's record (the previous reports shown would be another child's): named", async () => {
    const other = await newCase(t!.db, { child: { ...intakeInput().child, name: "Annan Testsson", birthDate: "2012-01-01" } });
    const [child] = await t!.rows<{ child_id: string }>(`select child_id from cases where id = $1`, [other.caseId]);
    await t!.rows(`update cases set child_id = $1 where id = $2`, [child!.child_id, caseId]);
    expect(await problems()).toContainEqual(named(/the case points at child record .*, but event 1 \(CASE_OPENED\) opened it for child record/, 1));
  });

  it("a letter's bytes replaced: named", async () => {
    const [letter] = await t!.rows<{ id: string; file_name: string }>(`select id, file_name from letters where case_id = $1`, [caseId]);
    await t!.rows(`update letters set pdf = pdf || '\\x0a'::bytea where id = $1`, [letter!.id]);
    const found = await problems();
    expect(found).toContainEqual(named(new RegExp(`the letter ${letter!.file_name} was replaced`)));
    expect(found).toContainEqual(named(new RegExp(`letter ${letter!.id} was edited`)));
  });

  it("a letter's bytes replaced with its SHA-256 updated to match: named", async () => {
    const [letter] = await t!.rows<{ id: string }>(`select id from letters where case_id = $1`, [caseId]);
    await t!.rows(`update letters set pdf = pdf || '\\x0a'::bytea where id = $1`, [letter!.id]);
    await t!.rows(`update letters set sha256 = encode(sha256(pdf), 'hex') where id = $1`, [letter!.id]);
    expect(await problems()).toContainEqual(named(new RegExp(`letter ${letter!.id} was edited`)));
  });

  it("an event edited and the chain recomputed with the public algorithm: named", async () => {
    await t!.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 2`, [caseId]);
    await recomputeChain(t!, caseId);
    const found = await problems();
    // The chain itself is consistent again …
    expect(found.filter((p) => /altered|link/.test(p.problem))).toEqual([]);
    // … but the checkpoint sealed the original event 2.
    expect(found).toContainEqual(named(/event 2 is not the one checkpoint \d+ sealed: the history was rewritten/, 2));
  });

  it("a checkpoint rewritten to match, with the public algorithm but without the key: named", async () => {
    await t!.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 2`, [caseId]);
    await recomputeChain(t!, caseId);
    // Rewrite every checkpoint from the first of this case on, with a key of the attacker's own.
    const forged = "an-attackers-own-key-0123456789abcdef";
    const rows = await t!.rows<{ seq: number; case_id: string; case_seq: number; snapshot_digest: string; from_digest: string; documents: string; at: string }>(
      `select seq::int as seq, case_id, case_seq, snapshot_digest, from_digest, documents,
              to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
         from audit_checkpoints order by seq`,
    );
    const heads = new Map((await t!.rows<{ seq: number; hash: string }>(`select seq, hash from case_events where case_id = $1`, [caseId])).map((e) => [e.seq, e.hash]));
    let prev = CHECKPOINT_GENESIS;
    for (const c of rows) {
      const [stored] = await t!.rows<{ case_hash: string }>(`select case_hash from audit_checkpoints where seq = $1`, [c.seq]);
      const caseHash = c.case_id === caseId ? heads.get(c.case_seq)! : stored!.case_hash;
      const hash = checkpointHash(prev, { seq: c.seq, caseId: c.case_id, caseSeq: c.case_seq, caseHash, snapshotDigest: c.snapshot_digest, fromDigest: c.from_digest, documents: c.documents, at: c.at });
      await t!.rows(`update audit_checkpoints set case_hash = $2, prev_hash = $3, hash = $4, mac = $5 where seq = $1`, [c.seq, caseHash, prev, hash, checkpointMac(forged, hash)]);
      prev = hash;
    }
    await t!.rows(`update audit_head set hash = $1`, [prev]);
    const all = (await verifyHistory(t!)).problems;
    expect(all).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/has a wrong seal \(MAC\)/) }));
    expect(keyId(forged)).not.toBe(keyId(process.env.AUDIT_KEY!));
  });

  it("the newest checkpoints cut off, with the head wound back: named by the anchor kept outside the database", async () => {
    const before = await verifyHistory(t!);
    const anchor = before.head!;
    const [{ last }] = (await t!.rows<{ last: number }>(`select max(seq)::int as last from audit_checkpoints`)) as [{ last: number }];
    await t!.rows(`delete from audit_checkpoints where seq = $1`, [last]);
    await t!.rows(`update audit_head set seq = seq - 1, hash = (select hash from audit_checkpoints where seq = $1)`, [last - 1]);
    const found = (await verifyHistory(t!, { anchor })).problems;
    expect(found).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/the anchor kept outside the database names checkpoint/) }));
  });

  it.runIf(kind === "postgres")("`npm run audit:verify` exits 1 and names the case", async () => {
    await t!.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 3`, [caseId]);
    const run = promisify(execFile)("npx", ["tsx", "app/audit/verify-cli.ts"], {
      env: { ...process.env, DATABASE_URL: t!.url!, NODE_ENV: "development" },
    });
    const failed = await run.then(() => null, (e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/Checked \d+ cases, \d+ events and \d+ checkpoints/);
    expect(failed?.stderr).toContain(`ALTERED: case ${reference}`);
    expect(failed?.stderr).toMatch(/event 3 \(NOTE_ADDED\) was altered/);
  });
});

describe("which child record a case's events say it is about", () => {
  const opened = (childId?: string) => ({ seq: 1, type: "CASE_OPENED", event: JSON.stringify({ type: "CASE_OPENED", ...(childId ? { childId } : {}) }) });
  const linked = (seq: number, childId: string) => ({ seq, type: "CHILD_LINKED", event: JSON.stringify({ type: "CHILD_LINKED", childId, previousChildId: "x" }) });
  const note = (seq: number) => ({ seq, type: "NOTE_ADDED", event: JSON.stringify({ type: "NOTE_ADDED", text: "childId" }) });

  it("the record CASE_OPENED names, until a confirmed match links the case to another", () => {
    expect(childOfCase([opened("child-a"), note(2)])).toEqual({ seq: 1, type: "CASE_OPENED", childId: "child-a" });
    expect(childOfCase([opened("child-a"), linked(2, "child-b"), note(3)])).toEqual({ seq: 2, type: "CHILD_LINKED", childId: "child-b" });
  });

  it("a case opened before CASE_OPENED named the record has nothing to check against, unless linked since", () => {
    expect(childOfCase([opened(), note(2)])).toBeNull();
    expect(childOfCase([opened(), linked(2, "child-b")])).toEqual({ seq: 2, type: "CHILD_LINKED", childId: "child-b" });
  });
});

describe.each(testDatabaseKinds())("audit:verify on an untouched database (%s)", (kind) => {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t);
  });
  afterAll(() => t?.drop());

  it("the seeded demo database verifies: every case replays, every checkpoint is sealed", async () => {
    const report = await verifyHistory(t!, { replay: true });
    expect(report.problems satisfies VerifyProblem[]).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(15);
    expect(report.events).toBeGreaterThan(report.cases * 2);
    expect(report.checkpoints).toBeGreaterThanOrEqual(report.cases);
  });
});

describe("`npm run audit:verify` on the embedded database in DATA_DIR", () => {
  let dataDir: string;
  let reference: string;
  let caseId: string;
  const pgdata = () => path.join(dataDir, "pgdata");

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "varna-verify-"));
    const database = await openDatabase({ dataDir: pgdata() });
    await migrateDatabase(database);
    const staff = await createStaff(database.db);
    const created = await newCase(database.db);
    ({ caseId, referenceNumber: reference } = created);
    const done = await runCaseCommand(database.db, { caseId, expectedVersion: 1, user: staff.teamLead, command: { type: "NOTE_ADDED", text: "Anteckning" } });
    expect(done.ok).toBe(true);
    await database.close();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The command as an operator runs it (the server stopped), with the key the cases were sealed with. */
  const verify = () => {
    const { DATABASE_URL: _none, ...env } = process.env;
    return promisify(execFile)(process.execPath, ["--import", "tsx", "app/audit/verify-cli.ts"], {
      env: { ...env, DATA_DIR: dataDir, NODE_ENV: "development" },
    }).then(
      (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  };

  it("an untouched database exits 0; an altered event exits 1 naming the case and event", async () => {
    const intact = await verify();
    expect(intact.stderr).toBe("");
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Checked 1 cases, 2 events and \d+ checkpoints/);
    expect(intact.stdout).toContain("OK: every case's history is intact.");

    const database = await openDatabase({ dataDir: pgdata() });
    await database.rows(`update case_events set event = jsonb_set(event, '{text}', '"Ändrad"') where case_id = $1 and seq = 2`, [caseId]);
    await database.close();
    const altered = await verify();
    expect(altered.code).toBe(1);
    expect(altered.stderr).toContain(`ALTERED: case ${reference}`);
    expect(altered.stderr).toMatch(/event 2 \(NOTE_ADDED\) was altered/);
  }, 60_000);
});

async function deleteCase(t: TestDatabase, caseId: string, { reports }: { reports: boolean }) {
  await t.rows(`delete from access_log where case_id = $1`, [caseId]);
  await t.rows(`delete from possible_matches where case_id = $1 or candidate_case_id = $1`, [caseId]);
  await t.rows(`delete from letters where case_id = $1`, [caseId]);
  await t.rows(`delete from case_events where case_id = $1`, [caseId]);
  if (reports) await t.rows(`delete from reports where case_id = $1`, [caseId]);
  await t.rows(`delete from cases where id = $1`, [caseId]);
}

/** Recomputes a case's whole chain with the published algorithm, as anyone could. */
async function recomputeChain(t: TestDatabase, caseId: string) {
  const events = await t.rows<{ seq: number; type: string; event: unknown; actor_id: string | null; actor_name: string; occurred_at: Date }>(
    `select seq, type, event, actor_id, actor_name, occurred_at from case_events where case_id = $1 order by seq`,
    [caseId],
  );
  let prev = (await t.rows<{ prev_hash: string }>(`select prev_hash from case_events where case_id = $1 and seq = 1`, [caseId]))[0]!.prev_hash;
  for (const e of events) {
    const hash = eventHash(prev, {
      caseId,
      seq: e.seq,
      type: e.type,
      event: typeof e.event === "string" ? JSON.parse(e.event) : e.event,
      actorId: e.actor_id,
      actorName: e.actor_name,
      occurredAt: new Date(e.occurred_at).toISOString(),
    });
    await t.rows(`update case_events set prev_hash = $3, hash = $4 where case_id = $1 and seq = $2`, [caseId, e.seq, prev, hash]);
    prev = hash;
  }
}
