import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { runCaseCommand, type CommandInput } from "../cases/commands.server";
import { createStaff, newCase, versionOf, type Staff } from "../../test/test-support";
import { createStaff as createUser, createUnit } from "../../test/testing.server";
import { extractText, readObjects } from "../letters/pdf-text";
import { csvLines } from "./csv.server";
import { exportCaseHistoryCsv, exportCaseHistoryJson, exportCaseHistoryPdf, type CaseHistoryExport } from "./export.server";
import { exportCasesCsv, exportCasesJsonLines, parseDateRange } from "./export-range.server";

// The verifier exactly as the README gives it to people outside Värna.
const readme = readFileSync(path.join(__dirname, "../../README.md"), "utf8");
const verifierSource = /```js\n(\/\/ verify-history\.mjs[\s\S]*?)```/.exec(readme)?.[1];
const dir = mkdtempSync(path.join(tmpdir(), "varna-export-"));
const verifier = path.join(dir, "verify-history.mjs");

async function runVerifier(history: unknown): Promise<{ code: number; out: string }> {
  const file = path.join(dir, `history-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof history === "string" ? history : JSON.stringify(history));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [verifier, file]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
}

describe.each(testDatabaseKinds())("exports of a case's history (%s)", (kind) => {
  let t: TestDatabase;
  let staff: Staff;
  let auditor: SessionUser;
  let otherAuditor: SessionUser;
  let caseId: string;
  let reference: string;
  const notes = ['=HYPERLINK("http://example.com","Klicka")', "Samtal med skolan; läraren oroad, \"mycket\" trött barn.\nAndra raden."];

  beforeAll(async () => {
    expect(verifierSource, "README has the verifier").toBeTruthy();
    writeFileSync(verifier, verifierSource!);
    t = await createTestDatabase(kind);
    staff = await createStaff(t.db);
    auditor = await createUser(t.db, staff.unitId, "auditor", "Greta Granskare");
    otherAuditor = await createUser(t.db, await createUnit(t.db, "Annan kommuns enhet"), "auditor", "Olle Annan");
    const created = await newCase(t.db, {}, new Date("2026-03-10T09:00:00Z"));
    caseId = created.caseId;
    reference = created.referenceNumber;
    const act = async (user: SessionUser, command: CommandInput) => {
      const done = await runCaseCommand(t.db, { caseId, expectedVersion: await versionOf(t.db, caseId), user, command });
      expect(done.ok).toBe(true);
    };
    await act(staff.teamLead, { type: "ASSIGNED", assignee: { id: staff.caseworker.id, name: staff.caseworker.name } });
    await act(staff.caseworker, { type: "PROTECTION_ASSESSED", reportId: created.reportId, needsProtection: false, assessment: "Inget akut skyddsbehov." });
    for (const text of notes) await act(staff.caseworker, { type: "NOTE_ADDED", text });
  });
  afterAll(() => t?.drop());

  const exportsOf = async (user: SessionUser) =>
    t.db.select().from(accessLog).where(and(eq(accessLog.userId, user.id), eq(accessLog.action, "export")));

  it("JSON: every event in order with its hashes and anchor; the README's verifier accepts it", async () => {
    const file = await exportCaseHistoryJson(t.db, auditor, caseId);
    const history = JSON.parse(String(file!.body)) as CaseHistoryExport;
    expect(history.case.referenceNumber).toBe(reference);
    expect(history.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(history.events.map((e) => e.type)).toEqual(["CASE_OPENED", "ASSIGNED", "PROTECTION_ASSESSED", "NOTE_ADDED", "NOTE_ADDED"]);
    expect(history.chain.checkpoint?.caseHash).toBe(history.events[4]!.hash);
    const result = await runVerifier(file!.body);
    expect(result.out).toContain(`VERIFIED: ${reference}, 5 events`);
    expect(result.code).toBe(0);
  });

  it("JSON: a tampered export fails the verifier", async () => {
    const history = JSON.parse(String((await exportCaseHistoryJson(t.db, auditor, caseId))!.body)) as CaseHistoryExport;
    const edited = structuredClone(history);
    (edited.events[3]!.event as { text: string }).text = "Ingen oro.";
    expect(await runVerifier(edited)).toEqual({ code: 1, out: expect.stringContaining("event 4 was altered") });

    const dropped = structuredClone(history);
    dropped.events.splice(1, 1);
    expect((await runVerifier(dropped)).code).toBe(1);

    const cut = structuredClone(history);
    cut.events.pop();
    expect(await runVerifier(cut)).toEqual({ code: 1, out: expect.stringContaining("does not end at the chain's head") });

    const otherCase = structuredClone(history);
    otherCase.case.id = "00000000-0000-4000-8000-000000000000";
    expect((await runVerifier(otherCase)).code).toBe(1);
  });

  it("PDF: a PDF/A-2 letter with every event of the case, in Swedish, with its checksum", async () => {
    const file = await exportCaseHistoryPdf(t.db, auditor, caseId);
    const pdf = file!.body as Buffer;
    expect(file!.fileName).toBe(`arendehistorik-${reference}.pdf`);
    const xmp = [...readObjects(pdf).values()].find((o) => /\/Type \/Metadata/.test(o.dict))?.stream?.toString("utf8") ?? "";
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    const text = extractText(pdf);
    expect(text).toContain("Ärendehistorik");
    expect(text).toContain(reference);
    expect(text).toContain("Antal händelser: 5");
    const history = JSON.parse(String((await exportCaseHistoryJson(t.db, auditor, caseId))!.body)) as CaseHistoryExport;
    for (const e of history.events) expect(text).toContain(`Kontrollsumma: ${e.hash}`);
    expect(text).toContain("Greta Granskare");
    expect(text.replace(/\s+/g, " ")).toContain("Inget akut skyddsbehov.");
    expect(text).not.toMatch(/NOTE_ADDED|CASE_OPENED/);
  });

  it("CSV: one row per event, semicolon-separated, formulas defused", async () => {
    const file = await exportCaseHistoryCsv(t.db, auditor, caseId);
    const body = String(file!.body);
    expect(body.startsWith("\uFEFFDiarienummer;Nr;")).toBe(true);
    const lines = body.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 5);
    // A line break inside a note stays inside its quoted cell; quotes are doubled.
    expect(body).toMatch(/;"[^"]*""mycket"" trött barn\.\nAndra raden\.";/);
    expect(body).toContain(`${reference};1;`);
    expect(body).toContain('"Journalanteckning: =HYPERLINK(""http://example.com"",""Klicka"")"');
    // A cell that a spreadsheet would run as a formula is turned into text.
    expect(csvLines([['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "ok", true]])).toBe(`"'=HYPERLINK(""http://x"")";'+1;'-2;'@SUM(A1);ok;ja\r\n`);
  });

  it("every export is logged, naming the file, not the child", async () => {
    const logged = await exportsOf(auditor);
    const details = logged.map((l) => l.detail);
    expect(details).toEqual(expect.arrayContaining(["historik.json", "historik.pdf", "historik.csv"]));
    expect(logged.every((l) => l.caseId === caseId)).toBe(true);
    expect(details.join(" ")).not.toMatch(/Elsa|Testsson|2014/);
  });

  it("nobody but an auditor of the municipality exports, and nothing is logged for them", async () => {
    for (const user of [staff.caseworker, staff.teamLead, otherAuditor]) {
      expect(await exportCaseHistoryJson(t.db, user, caseId)).toBeNull();
      expect(await exportCaseHistoryPdf(t.db, user, caseId)).toBeNull();
      expect(await exportCaseHistoryCsv(t.db, user, caseId)).toBeNull();
      expect(await exportsOf(user)).toEqual([]);
    }
    const range = parseDateRange(new URLSearchParams("from=2026-01-01&to=2026-12-31"));
    if (!range.ok) throw new Error(range.message);
    expect(await exportCasesJsonLines(t.db, staff.caseworker, range)).toBeNull();
    const none = await exportCasesCsv(t.db, otherAuditor, range);
    expect(none?.total).toBe(0);
    expect(await exportCaseHistoryJson(t.db, auditor, "not-a-uuid")).toBeNull();
  });

  it("a period as JSON Lines: the case with every event and its hashes, streamed in order", async () => {
    await newCase(t.db, {}, new Date("2026-04-01T08:00:00Z"));
    await newCase(t.db, {}, new Date("2025-12-31T22:59:00Z")); // 23:59 on 31 December in Sweden: outside
    const range = parseDateRange(new URLSearchParams("from=2026-01-01&to=2026-03-31"));
    if (!range.ok) throw new Error(range.message);
    const exported = await exportCasesJsonLines(t.db, auditor, range);
    expect(exported!.total).toBe(1);
    let text = "";
    for await (const chunk of exported!.chunks) text += chunk.toString("utf8");
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as { kind: string; id?: string; caseId?: string; seq?: number; hash?: string; referenceNumber?: string });
    expect(lines[0]).toMatchObject({ kind: "export", from: "2026-01-01", to: "2026-03-31", cases: 1 });
    expect(lines.filter((l) => l.kind === "case").map((l) => l.referenceNumber)).toEqual([reference]);
    expect(lines.filter((l) => l.kind === "event").map((l) => l.seq)).toEqual([1, 2, 3, 4, 5]);
    // The same events, the same hashes as the verified single-case export.
    const history = JSON.parse(String((await exportCaseHistoryJson(t.db, auditor, caseId))!.body)) as CaseHistoryExport;
    expect(lines.filter((l) => l.kind === "event").map((l) => l.hash)).toEqual(history.events.map((e) => e.hash));
    // Field for field the events of the single-case export (which the README's verifier checks).
    expect(lines.filter((l) => l.kind === "event")).toEqual(
      history.events.map(({ summary: _summary, ...e }) => ({ kind: "event", caseId, ...e })),
    );
    const logged = await exportsOf(auditor);
    expect(logged).toContainEqual(expect.objectContaining({ caseId: null, detail: "export.jsonl 2026-01-01–2026-03-31 (1 ärenden)" }));
    expect(logged).toContainEqual(expect.objectContaining({ caseId, detail: "export.jsonl" }));
  });

  it("a period as JSON Lines read in chunks smaller than a case: every case in order of receipt, each followed by all its events", async () => {
    // Three cases in June with 3, 1 and 6 events, read two events at a time: the first case's
    // events span two chunks, the third's three, and a chunk holds the end of one case and the
    // start of the next.
    const june: { caseId: string; notes: number }[] = [];
    for (const [day, notes] of [[3, 1], [1, 4], [2, 0]] as const) {
      const created = await newCase(t.db, {}, new Date(`2026-06-0${day}T08:00:00Z`));
      if (notes > 0) {
        const assign = { type: "ASSIGNED", assignee: { id: staff.caseworker.id, name: staff.caseworker.name } } as const;
        expect((await runCaseCommand(t.db, { caseId: created.caseId, expectedVersion: 1, user: staff.teamLead, command: assign })).ok).toBe(true);
        for (let n = 0; n < notes; n++) {
          const done = await runCaseCommand(t.db, { caseId: created.caseId, expectedVersion: await versionOf(t.db, created.caseId), user: staff.caseworker, command: { type: "NOTE_ADDED", text: `Anteckning ${n + 1} med "citat" och \\ snedstreck` } });
          expect(done.ok).toBe(true);
        }
      }
      june[day - 1] = { caseId: created.caseId, notes };
    }
    const range = parseDateRange(new URLSearchParams("from=2026-06-01&to=2026-06-30"));
    if (!range.ok) throw new Error(range.message);
    const exported = await exportCasesJsonLines(t.db, auditor, range, new Date(), { eventsPerChunk: 2 });
    let text = "";
    const chunks: Buffer[] = [];
    for await (const chunk of exported!.chunks) {
      chunks.push(chunk);
      text += chunk.toString("utf8");
    }
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as { kind: string; id?: string; caseId?: string });
    const expected: unknown[] = [];
    for (const { caseId: id } of june) {
      const history = JSON.parse(String((await exportCaseHistoryJson(t.db, auditor, id))!.body)) as CaseHistoryExport;
      expected.push(expect.objectContaining({ kind: "case", id, referenceNumber: history.case.referenceNumber, genesis: history.chain.genesis }));
      expected.push(...history.events.map(({ summary: _summary, ...e }) => ({ kind: "event", caseId: id, ...e })));
    }
    expect(lines.slice(1)).toEqual(expected);
    expect(lines.filter((l) => l.kind === "event")).toHaveLength(3 + 1 + 6);
  });

  it("a period as JSON Lines whose chunk outgrows its first buffer: Swedish text and dashes arrive as the same UTF-8 the single-case export holds", async () => {
    // 40 notes of mostly three-byte characters (–, beyond Latin-1) and two-byte ones (å, ä, ö):
    // one chunk of well over 64 kB, so the chunk's buffer grows while lines are written into it,
    // each line taking far more bytes than characters.
    const created = await newCase(t.db, {}, new Date("2026-07-01T08:00:00Z"));
    const assign = { type: "ASSIGNED", assignee: { id: staff.caseworker.id, name: staff.caseworker.name } } as const;
    expect((await runCaseCommand(t.db, { caseId: created.caseId, expectedVersion: 1, user: staff.teamLead, command: assign })).ok).toBe(true);
    for (let n = 0; n < 40; n++) {
      const text = `Samtal ${n} – förskolan och vårdnadshavaren är oroade.\n${"–".repeat(1500)}\nÅtgärd: möte på måndag.`;
      const done = await runCaseCommand(t.db, { caseId: created.caseId, expectedVersion: await versionOf(t.db, created.caseId), user: staff.caseworker, command: { type: "NOTE_ADDED", text } });
      expect(done.ok).toBe(true);
    }
    const range = parseDateRange(new URLSearchParams("from=2026-07-01&to=2026-07-01"));
    if (!range.ok) throw new Error(range.message);
    const chunks: Buffer[] = [];
    for await (const chunk of (await exportCasesJsonLines(t.db, auditor, range))!.chunks) chunks.push(chunk);
    expect(chunks).toHaveLength(2); // the export's line, then the case in one chunk
    expect(chunks[1]!.length).toBeGreaterThan(100_000);
    const lines = Buffer.concat(chunks).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { kind: string });
    const history = JSON.parse(String((await exportCaseHistoryJson(t.db, auditor, created.caseId))!.body)) as CaseHistoryExport;
    expect(lines.filter((l) => l.kind === "event")).toEqual(history.events.map(({ summary: _summary, ...e }) => ({ kind: "event", caseId: created.caseId, ...e })));
    expect(JSON.stringify(lines)).toContain("Samtal 39 – förskolan");
  });

  it("a period as CSV: one row per case received in it (Swedish days, both ends included)", async () => {
    const range = parseDateRange(new URLSearchParams("from=2026-01-01&to=2026-04-01"));
    if (!range.ok) throw new Error(range.message);
    const exported = await exportCasesCsv(t.db, auditor, range);
    let text = "";
    for await (const chunk of exported!.chunks) text += chunk.toString("utf8");
    const rows = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows[0]).toMatch(/^Diarienummer;Inkommen \(svensk tid\);Status;/);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`${reference};2026-03-10 10:00:00;Förhandsbedömning – planering;`);
  });

  it("a period that is not two dates is refused with a Swedish message", () => {
    for (const q of ["", "from=2026-01-01", "from=2026-02-30&to=2026-03-01", "from=2026-03-01&to=2026-01-01", "from=1/1/2026&to=2026-02-01"]) {
      const result = parseDateRange(new URLSearchParams(q));
      expect(result.ok, q).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/datum|Period/);
    }
  });
});
