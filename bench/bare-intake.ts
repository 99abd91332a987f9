// The baseline for intake: a bare `node:http` server that takes the same form post and does
// the same inserts as Värna — child (looked up by personnummer), the child's open case
// (locked), reference number, case, first event with its SHA-256 hash, report, receipt
// letter bytes — in one transaction, with `postgres` (prepared statements) or PGlite. No
// framework, no validation library, no statechart, no PDF rendering (the receipt's bytes are
// rendered once at start: the same size as Värna's, inserted each time).
//
// Run as a child process by bench/intake.ts: DATABASE_URL or DATA_DIR, and PORT.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { pgliteOptions } from "../db/client";
import { renderLetter } from "../app/letters/render.server";

type Q = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
type Transact = <T>(fn: (q: Q) => Promise<T>) => Promise<T>;

let transact: Transact;
if (process.env.DATABASE_URL) {
  const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  transact = (fn) =>
    sql.begin((t) => fn((q, params) => t.unsafe(q, params as never[], { prepare: true }) as never)) as never;
} else {
  const pg = new PGlite(path.join(process.env.DATA_DIR!, "pgdata"), pgliteOptions);
  await pg.waitReady;
  await pg.exec("set time zone 'UTC'");
  transact = (fn) => pg.transaction((tx) => fn(async (q, params) => (await tx.query(q, params)).rows as never));
}

const receipt = await renderLetter({
  kind: "receipt",
  createdAt: new Date().toISOString(),
  referenceNumber: "VRN-2026-00001",
  receivedAt: new Date().toISOString(),
  reporterName: "Eva Andersson",
} as never);
const receiptSha = createHash("sha256").update(receipt).digest("hex");

async function register(form: URLSearchParams): Promise<string> {
  const now = new Date();
  const personalNumber = (form.get("childPersonalNumber") ?? "").replace(/\D/g, "") || null;
  return transact(async (q) => {
    const [unit] = await q("select id from units order by created_at limit 1", []);
    const unitId = unit!.id as string;
    let childId: string | undefined;
    if (personalNumber) {
      const [found] = await q("select id from children where unit_id = $1 and personal_number = $2 limit 1", [unitId, personalNumber]);
      childId = found?.id as string | undefined;
    }
    if (!childId) {
      const [created] = await q(
        "insert into children (unit_id, personal_number, name, address) values ($1, $2, $3, $4) returning id",
        [unitId, personalNumber, form.get("childName"), form.get("childAddress")],
      );
      childId = created!.id as string;
    }
    const [open] = await q(
      "select id from cases where child_id = $1 and open order by received_at desc limit 1 for update",
      [childId],
    );
    let caseId = open?.id as string | undefined;
    if (!caseId) {
      caseId = randomUUID();
      const [n] = await q("select nextval('case_reference_seq')::text as n", []);
      const reference = `VRN-${now.getUTCFullYear()}-${String(n!.n).padStart(5, "0")}`;
      const event = { type: "CASE_OPENED", at: now.toISOString(), caseId, referenceNumber: reference, child: { name: form.get("childName") } };
      const snapshot = { value: "received", context: { reports: [{ receivedAt: now.toISOString() }] } };
      await q(
        `insert into cases (id, unit_id, reference_number, child_id, state, snapshot, machine_version, version, next_deadline, decision_due, received_at)
         values ($1, $2, $3, $4, 'received', $5, 1, 1, $6, $6, $7)`,
        [caseId, unitId, reference, childId, snapshot, now.toISOString().slice(0, 10), now],
      );
      const prev = createHash("sha256").update(`varna:case:${caseId}`).digest("hex");
      const hash = createHash("sha256").update(prev).update("\n").update(JSON.stringify(event)).digest("hex");
      await q(
        `insert into case_events (case_id, seq, type, event, actor_name, occurred_at, prev_hash, hash)
         values ($1, 1, 'CASE_OPENED', $2, 'Anmälare', $3, $4, $5)`,
        [caseId, event, now, prev, hash],
      );
    }
    const reportId = randomUUID();
    await q(
      `insert into reports (id, case_id, idempotency_key, received_at, reporter_kind, reporter_name, reporter_phone, reporter_email,
                            child_name, child_personal_number, child_address, child_school, child_whereabouts, guardians, siblings,
                            concern_what, concern_when, concern_duration, concern_if_nothing, child_knows, violence_kinds)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        reportId, caseId, form.get("idempotencyKey"), now, form.get("reporterKind"), form.get("reporterName"),
        form.get("reporterPhone"), form.get("reporterEmail"), form.get("childName"), personalNumber, form.get("childAddress"),
        form.get("childSchool"), form.get("childWhereabouts"),
        [{ name: form.get("guardian1Name"), phone: form.get("guardian1Phone") }],
        [{ name: form.get("sibling1Name"), age: Number(form.get("sibling1Age")) }],
        form.get("concernWhat"), form.get("concernWhen"), form.get("concernDuration"), form.get("concernIfNothing"),
        form.get("childKnows"), [],
      ],
    );
    await q(
      `insert into letters (case_id, report_id, kind, recipient_name, file_name, created_at, sha256, pdf)
       values ($1, $2, 'receipt', $3, 'kvittens.pdf', $4, $5, $6)`,
      [caseId, reportId, form.get("reporterName"), now, receiptSha, receipt],
    );
    return reportId;
  });
}

http
  .createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      register(new URLSearchParams(Buffer.concat(chunks).toString()))
        .then((id) => res.writeHead(302, { location: `/anmalan/kvittens/${id}` }).end())
        .catch((error) => {
          console.error(error);
          res.writeHead(500).end();
        });
    });
  })
  .listen(Number(process.env.PORT));
