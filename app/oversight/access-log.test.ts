import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog, cases, letters, organisations, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { downloadLetter, loadCasePage } from "../cases/case-page.server";
import { runCaseCommand } from "../cases/commands.server";
import { createStaff, createUnit, intake, report } from "../../test/testing.server";
import { myLetter, myReports } from "../intake/my-reports.server";
import { submitReport } from "../intake/submit.server";
import { loadMatches } from "../matching/matches.server";
import { ensureDefaultUnit } from "../units.server";
import { caseAccessLog } from "./access-log.server";
import { downloadAuditLetter, loadAuditCase, searchAuditCases } from "./audit-cases.server";
import { loadLogReview, logReviewCsv } from "./log-review.server";
import { loadUserAccess } from "./user-access.server";

const NOW = new Date("2026-03-20T10:00:00Z");

describe.each(testDatabaseKinds())("the access log (%s)", (kind) => {
  let t: TestDatabase;
  let caseworker: SessionUser;
  let auditor: SessionUser;
  let otherMunicipalityAuditor: SessionUser;
  let caseId: string;
  let reference: string;
  let letterId: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Logg");
    auditor = await createStaff(t.db, unitId, "auditor", "Erik Logg");
    otherMunicipalityAuditor = await createStaff(t.db, await createUnit(t.db, "Barn och unga, Testkommun"), "auditor", "Annan Granskare");
    const r = await report(t.db, "2026-03-18T09:00:00Z", { childName: "Tova Loggsson" });
    caseId = r.caseId;
    reference = r.referenceNumber;
    const [l] = await t.db.select({ id: letters.id }).from(letters).where(eq(letters.caseId, caseId));
    letterId = l!.id;
  });
  afterAll(() => t.drop());

  it("every kind of read leaves an entry with the reader, their role and unit at the time", async () => {
    const at = (minute: number) => new Date(NOW.getTime() + minute * 60_000);
    expect(await loadCasePage(t.db, caseworker, caseId, at(1))).not.toBeNull();
    expect(await downloadLetter(t.db, caseworker, caseId, letterId, at(2))).not.toBeNull();
    const found = await searchAuditCases(t.db, auditor, new URL(`http://x/granskning?q=${encodeURIComponent(reference)}`), at(3));
    expect(found.rows.map((r) => r.referenceNumber)).toEqual([reference]);
    expect(await loadAuditCase(t.db, auditor, caseId, at(4))).not.toBeNull();
    expect(await downloadAuditLetter(t.db, auditor, caseId, letterId, at(5))).not.toBeNull();
    expect(await loadUserAccess(t.db, auditor, caseworker.id, new URL("http://x/?from=2026-03-01&to=2026-03-31"), at(6))).not.toBeNull();
    expect(await loadLogReview(t.db, auditor, { from: "2026-03-01", to: "2026-03-31" }, at(7))).not.toBeNull();
    expect(await logReviewCsv(t.db, auditor, { from: "2026-03-01", to: "2026-03-31" }, "sv", at(8))).not.toBeNull();

    const rows = await t.db.select().from(accessLog).orderBy(asc(accessLog.at));
    expect(rows.map((r) => [r.userId, r.role, r.action, r.caseId])).toEqual([
      [caseworker.id, "caseworker", "view", caseId],
      [caseworker.id, "caseworker", "letter", caseId],
      [auditor.id, "auditor", "search", null],
      [auditor.id, "auditor", "view", caseId],
      [auditor.id, "auditor", "letter", caseId],
      [auditor.id, "auditor", "accessLog", null],
      [auditor.id, "auditor", "accessLog", null],
      [auditor.id, "auditor", "export", null],
    ]);
    // The case page's writer names no role; the database fills it in from the reader.
    expect(rows.every((r) => r.unitId === caseworker.unitId)).toBe(true);
    expect(rows[0]!.at).toEqual(at(1));

    // Per case: who opened it, downloaded what, when, in which role — newest first.
    const perCase = await caseAccessLog(t.db, caseId);
    expect(perCase.map((e) => [e.user.name, e.role, e.action])).toEqual([
      ["Erik Logg", "auditor", "letter"],
      ["Erik Logg", "auditor", "view"],
      ["Sara Logg", "caseworker", "letter"],
      ["Sara Logg", "caseworker", "view"],
    ]);
    expect(perCase[0]!.detail).toBe(letterId);

    // Per user: what they opened.
    const perUser = await loadUserAccess(t.db, auditor, caseworker.id, new URL("http://x/?from=2026-03-20&to=2026-03-20"), at(9));
    expect(perUser!.entries.map((e) => [e.action, e.case?.referenceNumber])).toEqual([
      ["letter", reference],
      ["view", reference],
    ]);
  });

  it("an auditor of another municipality finds nothing, reads nothing and leaves no case read", async () => {
    const found = await searchAuditCases(t.db, otherMunicipalityAuditor, new URL(`http://x/granskning?q=${encodeURIComponent(reference)}`), NOW);
    expect(found.rows).toEqual([]);
    expect(await loadAuditCase(t.db, otherMunicipalityAuditor, caseId, NOW)).toBeNull();
    expect(await downloadAuditLetter(t.db, otherMunicipalityAuditor, caseId, letterId, NOW)).toBeNull();
    expect(await loadUserAccess(t.db, otherMunicipalityAuditor, caseworker.id, new URL("http://x/"), NOW)).toBeNull();
    const reads = await t.db.select().from(accessLog).where(eq(accessLog.userId, otherMunicipalityAuditor.id));
    expect(reads.filter((r) => r.caseId !== null)).toEqual([]);
  });

  it("finds closed and open cases by reference, name, personnummer, date range and state", async () => {
    const q = (query: string) => searchAuditCases(t.db, auditor, new URL(`http://x/granskning?${query}`), NOW).then((r) => r.rows.map((x) => x.referenceNumber));
    expect(await q("q=tova")).toEqual([reference]);
    expect(await q("from=2026-03-18&to=2026-03-18")).toEqual([reference]);
    expect(await q("from=2026-03-19")).toEqual([]);
    expect(await q("state=received")).toEqual([reference]);
    expect(await q("state=closed")).toEqual([]);
    expect(await q(`caseworker=${caseworker.id}`)).toEqual([]);
    // Nothing is listed (or logged as a search) before the auditor asks.
    expect((await searchAuditCases(t.db, auditor, new URL("http://x/granskning"), NOW)).searched).toBe(false);
  });

  it("finds the cases assigned to a caseworker, and only theirs", async () => {
    const unitId = caseworker.unitId!;
    const lead = await createStaff(t.db, unitId, "teamLead", "Maria Logg");
    const other = await createStaff(t.db, unitId, "caseworker", "Bo Logg");
    const assign = async (id: string, who: SessionUser) => {
      const [{ version }] = (await t.db.select({ version: cases.version }).from(cases).where(eq(cases.id, id))) as [{ version: number }];
      const result = await runCaseCommand(t.db, { caseId: id, expectedVersion: version, user: lead, command: { type: "ASSIGNED", assignee: { id: who.id, name: who.name } } }, NOW);
      expect(result).toMatchObject({ ok: true });
    };
    const saras = await report(t.db, "2026-03-19T09:00:00Z", { childName: "Alva Tilldelad" });
    const bos = await report(t.db, "2026-03-19T10:00:00Z", { childName: "Ebbe Tilldelad" });
    await assign(caseId, caseworker);
    await assign(saras.caseId, caseworker);
    await assign(bos.caseId, other);

    const q = (query: string) =>
      searchAuditCases(t.db, auditor, new URL(`http://x/granskning?${query}`), NOW).then((r) => r.rows.map((x) => x.referenceNumber).sort());
    expect(await q(`caseworker=${caseworker.id}`)).toEqual([reference, saras.referenceNumber].sort());
    expect(await q(`caseworker=${other.id}`)).toEqual([bos.referenceNumber]);
    // Combined with the other filters.
    expect(await q(`caseworker=${caseworker.id}&from=2026-03-19`)).toEqual([saras.referenceNumber]);
    expect(await q(`caseworker=${caseworker.id}&q=ebbe`)).toEqual([]);
    // The page's caseworker list offers them by name.
    const page = await searchAuditCases(t.db, auditor, new URL(`http://x/granskning?caseworker=${other.id}`), NOW);
    expect(page.caseworkers.map((c) => c.name)).toEqual(expect.arrayContaining(["Sara Logg", "Bo Logg"]));
  });
});

describe.each(testDatabaseKinds())("reads beside the case page: possible matches and reporters (%s)", (kind) => {
  let t: TestDatabase;
  let unitId: string;
  let caseworker: SessionUser;
  let auditor: SessionUser;
  // Friday 2026-03-20; 21:00 in Stockholm is outside office hours.
  const EVENING = new Date("2026-03-20T20:00:00Z");
  const period = { from: "2026-03-20", to: "2026-03-20" };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
    caseworker = await createStaff(t.db, unitId, "caseworker", "Sara Matchning");
    auditor = await createStaff(t.db, unitId, "auditor", "Erik Granskare");
  });
  afterAll(() => t.drop());

  const readsBy = async (user: SessionUser) => t.db.select().from(accessLog).where(eq(accessLog.userId, user.id)).orderBy(asc(accessLog.id));

  it("a possible match shows the earlier case's child: a read of that case, logged with the reader's role, in its log and the loggkontroll", async () => {
    const child = { name: "Wilma Utan Nummer", personalNumber: null, birthDate: "2016-02-02", address: null, school: null, whereabouts: null, protectedIdentity: false };
    const earlier = await submitReport(t.db, intake({ child }), null, new Date("2026-03-02T09:00:00Z"));
    const later = await submitReport(t.db, intake({ child }), null, new Date("2026-03-19T09:00:00Z"));
    expect(later.caseId).not.toBe(earlier.caseId);

    const matches = await loadMatches(t.db, caseworker, later.caseId, EVENING);
    expect(matches.map((m) => m.candidate.caseId)).toEqual([earlier.caseId]);
    const reads = await readsBy(caseworker);
    expect(reads.map((r) => [r.action, r.role, r.unitId, r.caseId, r.detail])).toEqual([["match", "caseworker", unitId, earlier.caseId, later.caseId]]);

    // The earlier case's own log names the read.
    const perCase = await caseAccessLog(t.db, earlier.caseId);
    expect(perCase.map((e) => [e.user.name, e.role, e.action])).toEqual([["Sara Matchning", "caseworker", "match"]]);
    // An evening read: the loggkontroll lists it.
    const review = await loadLogReview(t.db, auditor, period, EVENING);
    expect(review!.flagged.filter((f) => f.reader.id === caseworker.id).map((f) => [f.action, f.case.id, f.kinds])).toEqual([
      ["match", earlier.caseId, ["offHours"]],
    ]);
  });

  it("reporters' reads are logged; the loggkontroll passes over a reporter following their own report, not a colleague's protected one", async () => {
    const [school] = await t.db.insert(organisations).values({ unitId: await ensureDefaultUnit(t.db), name: "Gullmarsskolan" }).returning({ id: organisations.id });
    const reporter = async (name: string) => {
      const user = await createStaff(t.db, null, "reporter", name);
      await t.db.update(users).set({ organisationId: school!.id, mandatedReporter: true }).where(eq(users.id, user.id));
      return { ...user, organisation: "Gullmarsskolan" };
    };
    const teacher = await reporter("Anders Lärare");
    const contact = await reporter("Karin Kontakt");
    await t.db.update(organisations).set({ contactUserId: contact.id }).where(eq(organisations.id, school!.id));
    const hidden = { name: "Saga Skyddad", personalNumber: null, birthDate: "2015-05-05", address: null, school: "Gullmarsskolan", whereabouts: null, protectedIdentity: true };
    const made = await submitReport(t.db, intake({ child: hidden }), { userId: teacher.id, name: teacher.name }, new Date("2026-03-20T08:00:00Z"));
    const [receipt] = await t.db.select({ id: letters.id }).from(letters).where(eq(letters.reportId, made.reportId));

    // The teacher fetches their receipt in the evening; the designated contact lists the school's reports and opens it.
    expect(await myLetter(t.db, teacher, receipt!.id, EVENING)).not.toBeNull();
    expect((await myReports(t.db, contact, EVENING)).map((r) => r.id)).toEqual([made.reportId]);
    expect(await myLetter(t.db, contact, receipt!.id, EVENING)).not.toBeNull();
    expect((await readsBy(teacher)).map((r) => [r.action, r.role, r.caseId, r.detail])).toEqual([["letter", "reporter", made.caseId, receipt!.id]]);
    expect((await readsBy(contact)).map((r) => [r.action, r.role, r.caseId, r.detail])).toEqual([
      ["report", "reporter", made.caseId, made.reportId],
      ["letter", "reporter", made.caseId, receipt!.id],
    ]);

    const review = await loadLogReview(t.db, auditor, period, EVENING);
    const flaggedOf = (user: SessionUser) => review!.flagged.filter((f) => f.reader.id === user.id).map((f) => [f.action, f.reader.role, f.kinds]);
    expect(flaggedOf(teacher)).toEqual([]);
    expect(flaggedOf(contact)).toEqual([
      ["report", "reporter", ["protectedIdentity"]],
      ["letter", "reporter", ["protectedIdentity"]],
    ]);
  });
});
