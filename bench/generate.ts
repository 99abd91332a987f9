// Fills a scratch database with a municipality's worth of cases, fast: children and cases
// with INSERT … SELECT FROM generate_series (inside the database), events — which carry a
// SHA-256 hash chain only JavaScript computes exactly as the app does — with COPY.
import { createHash } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

import { pgliteOptions } from "../db/client";
import { eventHash, genesisHash } from "../app/audit/hash";
import { hashPassword } from "../app/auth/password.server";
import { DEFAULT_UNIT } from "../app/units.server";
import { openCase, STATE_NAMES, type CaseOpenedEvent } from "../workflows";
import type { Scratch } from "./scratch";

/** Raw access for the generator: SQL with parameters, and COPY … FROM of text-format rows. */
export type Sink = {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  copy(table: string, columns: string[], text: string): Promise<void>;
  close(): Promise<void>;
};

export async function openSink(scratch: Scratch): Promise<Sink> {
  if (scratch.kind === "postgres") {
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    return {
      kind: "postgres",
      query: async (q, params = []) => (await sql.unsafe(q, params as never[])) as never,
      copy: async (table, columns, text) => {
        const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
        await pipeline(Readable.from([text]), writable);
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const pg = new PGlite(path.join(scratch.dataDir, "pgdata"), pgliteOptions);
  await pg.waitReady;
  await pg.exec("set time zone 'UTC'");
  return {
    kind: "pglite",
    query: async (q, params = []) => (await pg.query(q, params)).rows as never,
    copy: async (table, columns, text) => {
      await pg.query(`copy ${table} (${columns.join(", ")}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    close: () => pg.close(),
  };
}

/** The deterministic id the generator gives case (or child) number g. */
export function benchId(kind: "case" | "child", g: number): string {
  const h = createHash("md5").update(`${kind}${g}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const BENCH_LOGIN = { email: "bench-handlaggare@example.se", password: "bench-password" };

export type Filled = { unitId: string; staffIds: string[]; cases: number; events: number; lastHash: Map<number, string> };

const FIRST = ["Alva", "Elsa", "Maja", "Wilma", "Astrid", "Alice", "Noah", "Hugo", "William", "Liam", "Lucas", "Elias", "Selma", "Ella", "Nils", "Leo", "Saga", "Olle", "Idun", "Ebbe"];
const LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Berg", "Holm", "Ali", "Mohammed", "Nguyen"];

/**
 * Children and cases 1..n (70 % open, deadlines spread from three weeks overdue to six
 * weeks ahead, a few urgent or violence-flagged, most assigned) with `eventsPerCase`
 * hash-chained events each; then ANALYZE on PostgreSQL (as autovacuum would), but not on
 * the embedded database, which gets statistics only if the app gathers them.
 */
export async function fill(sink: Sink, n: number, eventsPerCase: number): Promise<Filled> {
  const [unit] = await sink.query<{ id: string }>(
    `insert into units (name, municipality, address, phone, office_hours) values ($1, $2, $3, $4, $5)
     on conflict (name) do update set name = excluded.name returning id`,
    [DEFAULT_UNIT.name, DEFAULT_UNIT.municipality, DEFAULT_UNIT.address, DEFAULT_UNIT.phone, DEFAULT_UNIT.officeHours],
  );
  const unitId = unit!.id;
  const hash = await hashPassword(BENCH_LOGIN.password);
  const staffIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const [u] = await sink.query<{ id: string }>(
      `insert into users (email, name, role, unit_id, password_hash) values ($1, $2, 'caseworker', $3, $4) returning id`,
      [i === 0 ? BENCH_LOGIN.email : `bench-${i}@example.se`, `Handläggare ${i + 1}`, unitId, hash],
    );
    staffIds.push(u!.id);
  }
  const names = `array[${FIRST.map((f) => `'${f}'`).join(",")}]`;
  const surnames = `array[${LAST.map((f) => `'${f}'`).join(",")}]`;
  const opened = sampleOpened();
  const snapshot = JSON.stringify(openCase(opened).snapshot);
  const openStates = STATE_NAMES.filter((s) => s !== "closed");
  const states = `array[${openStates.map((s) => `'${s}'`).join(",")}]`;
  const kinds = `array['protectionAssessment','decision','decision','investigation']`;
  const BATCH = 50_000;
  for (let from = 1; from <= n; from += BATCH) {
    const to = Math.min(n, from + BATCH - 1);
    await sink.query(
      `insert into children (id, unit_id, personal_number, name, birth_date, address)
       select md5('child' || g)::uuid, $1::uuid, case when g % 10 = 0 then null else '2' || lpad(g::text, 11, '0') end,
              (${names})[1 + g % ${FIRST.length}] || ' ' || (${surnames})[1 + (g / ${FIRST.length}) % ${LAST.length}],
              date '2008-01-01' + (g % 6000), 'Storgatan ' || (g % 90 + 1) || ', 453 30 Lysekil'
         from generate_series($2::int, $3::int) g`,
      [unitId, from, to],
    );
    await sink.query(
      `insert into cases (id, unit_id, reference_number, child_id, state, snapshot, machine_version, version, open,
                          urgent, violence, report_count, assignee_id, next_deadline_kind, next_deadline, decision_due,
                          received_at, updated_at, closed_at)
       select md5('case' || g)::uuid, $1::uuid, 'VRN-' || (2019 + g % 5) || '-' || lpad(g::text, 6, '0'),
              md5('child' || g)::uuid,
              case when g % 10 < 7 then (${states})[1 + g % ${openStates.length}] else 'closed' end,
              $4::jsonb, $5::int, $6::int, g % 10 < 7, g % 23 = 0, g % 11 = 0, 1 + g % 3,
              ($7::uuid[])[1 + g % 6],
              case when g % 10 < 7 then (${kinds})[1 + g % 4] end,
              case when g % 10 < 7 then current_date + ((g * 7919) % 63 - 21) end,
              current_date + ((g * 7919) % 63 - 21),
              date_trunc('milliseconds', now() - ((g % 700) || ' days')::interval), now() - ((g % 30) || ' days')::interval,
              case when g % 10 >= 7 then now() - ((g % 30) || ' days')::interval end
         from generate_series($2::int, $3::int) g`,
      [unitId, from, to, snapshot, openCase(opened).snapshot.machineVersion, eventsPerCase, `{${staffIds.join(",")},NULL}`],
    );
  }
  const lastHash = new Map<number, string>();
  const events = await appendEvents(sink, n, 1, eventsPerCase, staffIds, lastHash);
  if (sink.kind === "postgres") await sink.query("analyze");
  return { unitId, staffIds, cases: n, events, lastHash };
}

/**
 * Appends events fromSeq..toSeq to every case 1..n by COPY, continuing each chain from
 * `lastHash`, and sets the cases' version to toSeq. Returns the number of events written.
 */
export async function appendEvents(
  sink: Sink,
  n: number,
  fromSeq: number,
  toSeq: number,
  staffIds: string[],
  lastHash: Map<number, string>,
  /** Called with every event written (case number, seq, hash, occurredAt), e.g. to seal them. */
  written?: (g: number, seq: number, hash: string, at: string) => void,
): Promise<number> {
  const columns = ["case_id", "seq", "type", "event", "actor_id", "actor_name", "occurred_at", "prev_hash", "hash"];
  let count = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    await sink.copy("case_events", columns, lines.join(""));
    lines = [];
  };
  for (let g = 1; g <= n; g++) {
    const caseId = benchId("case", g);
    let prev = lastHash.get(g) ?? genesisHash(caseId);
    for (let seq = fromSeq; seq <= toSeq; seq++) {
      const at = eventAt(g, seq);
      const staff = staffIds[(g + seq) % staffIds.length]!;
      const event =
        seq === 1
          ? { ...sampleOpened(), at, caseId, referenceNumber: `VRN-${2019 + (g % 5)}-${String(g).padStart(6, "0")}`, childId: benchId("child", g) }
          : { type: "NOTE_ADDED", at, actor: { id: staff, name: "Handläggare", role: "caseworker" }, text: `Anteckning ${seq}: samtal med skolan, uppföljning planerad.` };
      const actorId = seq === 1 ? null : staff;
      const fields = { caseId, seq, type: event.type, event, actorId, actorName: event.actor.name, occurredAt: at };
      const hash = eventHash(prev, fields);
      const json = JSON.stringify(event).replace(/\\/g, "\\\\");
      written?.(g, seq, hash, at);
      lines.push(`${caseId}\t${seq}\t${event.type}\t${json}\t${actorId ?? "\\N"}\t${event.actor.name}\t${at}\t${prev}\t${hash}\n`);
      prev = hash;
      count++;
    }
    lastHash.set(g, prev);
    if (lines.length >= 20_000) await flush();
  }
  await flush();
  if (fromSeq > 1) await sink.query("update cases set version = $1", [toSeq]);
  return count;
}

/** When the generator says event `seq` of case number g happened. */
export function eventAt(g: number, seq: number): string {
  return new Date(Date.UTC(2025, 0, 1) + g * 60_000 + seq * 3_600_000).toISOString();
}

export function sampleOpened(): CaseOpenedEvent {
  return {
    type: "CASE_OPENED",
    at: "2025-01-01T08:00:00.000Z",
    actor: { id: "public", name: "Anmälare via webbformuläret", role: "public" },
    caseId: "00000000-0000-4000-8000-000000000000",
    referenceNumber: "VRN-2025-000001",
    child: { name: "Alva Karlsson", protectedIdentity: false },
    report: {
      id: "00000000-0000-4000-8000-000000000001",
      receivedAt: "2025-01-01T08:00:00.000Z",
      violence: false,
      protectedIdentity: false,
      mandatedReporter: true,
    },
  } as CaseOpenedEvent;
}
