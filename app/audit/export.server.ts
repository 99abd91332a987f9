/**
 * Exports of one case for auditors: the whole history as an archival PDF (ärendehistorik),
 * as JSON that anyone can verify without Värna (README: "Verifying an exported history"),
 * and as CSV. Each export is logged in access_log (action "export"; the detail says what,
 * never who the case is about).
 */
import { asc, desc, eq, sql } from "drizzle-orm";

import type { Db, Queryable } from "../../db/client";
import { accessLog, auditCheckpoints, caseEvents } from "../../db/schema";
import type { CaseEvent } from "../../workflows";
import type { SessionUser } from "../auth/session.server";
import { summarizeEvent } from "../cases/event-summary";
import { translate } from "../i18n";
import { LYSEKIL, letterFileName, renderLetter, type CaseHistoryLetter } from "../letters/render.server";
import { csvLines } from "./csv.server";
import { rowsOf } from "./digests.server";
import { genesisHash } from "./hash";

export const CASE_HISTORY_FORMAT = "varna.case-history.v1";

export type ExportedEvent = {
  seq: number;
  type: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  event: unknown;
  prevHash: string;
  hash: string;
  /** In Swedish, for a human reader; not part of the hash. */
  summary: string;
};

/** The JSON export of one case (see README for the format and a standalone verifier). */
export type CaseHistoryExport = {
  format: typeof CASE_HISTORY_FORMAT;
  exportedAt: string;
  exportedBy: string;
  case: { id: string; referenceNumber: string; state: string; receivedAt: string; closedAt: string | null; unit: string };
  chain: {
    algorithm: string;
    genesis: string;
    head: { seq: number; hash: string } | null;
    /** The newest checkpoint that sealed this case; its MAC needs AUDIT_KEY (audit:verify). */
    checkpoint: { seq: number; caseSeq: number; caseHash: string; hash: string; keyId: string; mac: string } | null;
  };
  events: ExportedEvent[];
};

type CaseRow = {
  id: string;
  reference_number: string;
  state: string;
  received_at: Date | string;
  closed_at: Date | string | null;
  unit_name: string;
  municipality: string;
  address: string | null;
  phone: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (value: Date | string) => new Date(value).toISOString();

/** Auditors read every case of their municipality, open or closed; nobody else exports. */
export function mayExport(user: SessionUser): boolean {
  return user.role === "auditor" && user.unitId !== null;
}

/** The municipality whose cases `user` may export (the one their unit belongs to); `u` is the case's unit. */
export function municipalityFilter(user: SessionUser) {
  return sql`u.municipality = (select m.municipality from units m where m.id = ${user.unitId})`;
}

async function findCase(db: Queryable, user: SessionUser, caseId: string): Promise<CaseRow | null> {
  if (!mayExport(user) || !UUID.test(caseId)) return null;
  const [row] = rowsOf<CaseRow>(
    await db.execute(sql`
      select c.id, c.reference_number, c.state, c.received_at, c.closed_at,
             u.name as unit_name, u.municipality, u.address, u.phone
        from cases c join units u on u.id = c.unit_id
       where c.id = ${caseId} and ${municipalityFilter(user)}`),
  );
  return row ?? null;
}

export async function logExport(db: Queryable, user: SessionUser, caseId: string | null, detail: string, now: Date) {
  await db.insert(accessLog).values({ userId: user.id, caseId, action: "export", detail, at: now });
}

/** A case's whole history as the JSON export, or null when the case is not the auditor's to see. */
export async function loadCaseHistory(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseHistoryExport | null> {
  const found = await findCase(db, user, caseId);
  if (!found) return null;
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, found.id))
    .orderBy(asc(caseEvents.seq));
  const [checkpoint] = await db
    .select()
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.caseId, found.id))
    .orderBy(desc(auditCheckpoints.seq))
    .limit(1);
  const last = events.at(-1);
  return {
    format: CASE_HISTORY_FORMAT,
    exportedAt: now.toISOString(),
    exportedBy: user.name,
    case: {
      id: found.id,
      referenceNumber: found.reference_number,
      state: found.state,
      receivedAt: iso(found.received_at),
      closedAt: found.closed_at ? iso(found.closed_at) : null,
      unit: found.unit_name,
    },
    chain: {
      algorithm:
        'hash = hex(SHA-256(prevHash + "\\n" + JCS({caseId, seq, type, event, actorId, actorName, occurredAt}))); ' +
        'the first prevHash is genesis = hex(SHA-256("varna:case:" + caseId)); JCS is RFC 8785',
      genesis: genesisHash(found.id),
      head: last ? { seq: last.seq, hash: last.hash } : null,
      checkpoint: checkpoint
        ? { seq: checkpoint.seq, caseSeq: checkpoint.caseSeq, caseHash: checkpoint.caseHash, hash: checkpoint.hash, keyId: checkpoint.keyId, mac: checkpoint.mac }
        : null,
    },
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      event: e.event,
      prevHash: e.prevHash,
      hash: e.hash,
      summary: summaryOf(e.event),
    })),
  };
}

function summaryOf(event: unknown): string {
  const { title, detail } = summarizeEvent("sv", event as CaseEvent);
  return detail ? `${title}: ${detail}` : title;
}

export type CaseExportFile = { fileName: string; contentType: string; body: string | Buffer };

/** historik.json: the history with its hashes and anchor. Logged. */
export async function exportCaseHistoryJson(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseExportFile | null> {
  const history = await loadCaseHistory(db, user, caseId, now);
  if (!history) return null;
  await logExport(db, user, history.case.id, "historik.json", now);
  return {
    fileName: `arendehistorik-${safeName(history.case.referenceNumber)}.json`,
    contentType: "application/json; charset=utf-8",
    body: `${JSON.stringify(history, null, 2)}\n`,
  };
}

export const CASE_HISTORY_CSV_COLUMNS = [
  "Diarienummer",
  "Nr",
  "Tidpunkt (svensk tid)",
  "Tidpunkt (UTC)",
  "Händelse",
  "Utförd av",
  "Händelsetyp",
  "Kontrollsumma",
  "Föregående kontrollsumma",
];

/** historik.csv: one row per event, in Swedish, semicolon-separated (as Swedish Excel reads it). Logged. */
export async function exportCaseHistoryCsv(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseExportFile | null> {
  const history = await loadCaseHistory(db, user, caseId, now);
  if (!history) return null;
  await logExport(db, user, history.case.id, "historik.csv", now);
  const rows = history.events.map((e) => [
    history.case.referenceNumber,
    e.seq,
    stockholm(e.occurredAt),
    e.occurredAt,
    e.summary,
    e.actorName,
    e.type,
    e.hash,
    e.prevHash,
  ]);
  return {
    fileName: `arendehistorik-${safeName(history.case.referenceNumber)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: csvLines([CASE_HISTORY_CSV_COLUMNS, ...rows], { bom: true }),
  };
}

/** historik.pdf: the ärendehistorik letter, PDF/A like every other letter. Logged. */
export async function exportCaseHistoryPdf(db: Db, user: SessionUser, caseId: string, now: Date = new Date()): Promise<CaseExportFile | null> {
  const history = await loadCaseHistory(db, user, caseId, now);
  if (!history) return null;
  const found = (await findCase(db, user, caseId))!;
  const letter: CaseHistoryLetter = {
    kind: "caseHistory",
    referenceNumber: history.case.referenceNumber,
    createdAt: history.exportedAt,
    exportedAt: history.exportedAt,
    exportedBy: user.name,
    events: history.events.map((e) => {
      const { title, detail } = summarizeEvent("sv", e.event as CaseEvent);
      return { seq: e.seq, at: e.occurredAt, type: title, actorName: e.actorName, summary: detail ?? "", hash: e.hash };
    }),
  };
  // Render before logging: the log says what was handed out, and rendering is the slow part.
  const pdf = await renderLetter(letter, {
    municipality: {
      name: found.municipality,
      unit: `Socialtjänsten – ${found.unit_name}`,
      phone: found.phone ?? LYSEKIL.phone,
      address: found.address ? found.address.split("\n") : LYSEKIL.address,
    },
  });
  await logExport(db, user, history.case.id, "historik.pdf", now);
  return { fileName: letterFileName(letter), contentType: "application/pdf", body: pdf };
}

const stockholmFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
export const stockholm = (value: Date | string): string => stockholmFormat.format(new Date(value));

export const stateLabel = (state: string): string => {
  const key = `state.${state}`;
  const label = translate("sv", key);
  return label === key ? state : label;
};

export const safeName = (reference: string): string => reference.replace(/[^A-Za-z0-9._-]/g, "");
