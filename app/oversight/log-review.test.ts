import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog, accessReviewSignoffs, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { addCalendarDays, stockholmDate } from "../../workflows/deadlines";
import type { SessionUser } from "../auth/session.server";
import { seedDemo } from "../demo/seed.server";
import { loadLogReview, logReviewCsv, markReaderReviewed, markReviewed, signOffPeriod } from "./log-review.server";
import { flagUnusual, isOffHours, type AccessFact } from "./unusual-access";

// A Wednesday at noon in Stockholm.
const NOW = new Date("2026-03-18T11:00:00Z");

describe("the unusual-access rules", () => {
  const base: AccessFact = {
    id: 1,
    userId: "u1",
    role: "caseworker",
    readerUnitId: "unit",
    caseId: "c1",
    caseUnitId: "unit",
    assigneeAtTime: "u1",
    protectedIdentity: false,
    ownReport: false,
    at: new Date("2026-03-18T09:00:00Z"), // 10:00 in Stockholm, a Wednesday
  };

  it("leaves an ordinary read alone and names each unusual kind", () => {
    const flags = flagUnusual([
      base,
      { ...base, id: 2, assigneeAtTime: "u2" },
      { ...base, id: 3, readerUnitId: "other" },
      { ...base, id: 4, at: new Date("2026-03-18T17:30:00Z") }, // 18:30
      { ...base, id: 5, protectedIdentity: true },
      { ...base, id: 6, role: "auditor", readerUnitId: "other", assigneeAtTime: "u2" },
      { ...base, id: 7, role: "teamLead", assigneeAtTime: "u2" },
    ]);
    expect(flags.get(1)).toBeUndefined();
    expect(flags.get(2)).toEqual(["notAssigned"]);
    expect(flags.get(3)).toEqual(["otherUnit"]);
    expect(flags.get(4)).toEqual(["offHours"]);
    expect(flags.get(5)).toEqual(["protectedIdentity"]);
    // Auditors are municipality-wide and team leads oversee the unit's cases.
    expect(flags.get(6)).toBeUndefined();
    expect(flags.get(7)).toBeUndefined();
  });

  it("office hours are weekdays 07–18 in Swedish time, also across daylight saving", () => {
    expect(isOffHours(new Date("2026-03-18T05:59:00Z"))).toBe(true); // 06:59 CET
    expect(isOffHours(new Date("2026-03-18T06:00:00Z"))).toBe(false); // 07:00 CET
    expect(isOffHours(new Date("2026-06-17T05:00:00Z"))).toBe(false); // 07:00 CEST
    expect(isOffHours(new Date("2026-06-17T16:00:00Z"))).toBe(true); // 18:00 CEST
    expect(isOffHours(new Date("2026-03-21T10:00:00Z"))).toBe(true); // Saturday
  });

  it("flags many cases in a short time, not the same case read many times", () => {
    const t0 = new Date("2026-03-18T09:00:00Z").getTime();
    const many = Array.from({ length: 10 }, (_, i) => ({ ...base, id: 100 + i, caseId: `c${i}`, at: new Date(t0 + i * 50_000) }));
    const same = Array.from({ length: 20 }, (_, i) => ({ ...base, id: 200 + i, userId: "u9", assigneeAtTime: "u9", at: new Date(t0 + i * 10_000) }));
    const slow = Array.from({ length: 10 }, (_, i) => ({ ...base, id: 300 + i, userId: "u8", assigneeAtTime: "u8", caseId: `c${i}`, at: new Date(t0 + i * 120_000) }));
    const flags = flagUnusual([...many, ...same, ...slow]);
    expect(many.every((r) => flags.get(r.id)?.includes("burst"))).toBe(true);
    expect(same.some((r) => flags.has(r.id))).toBe(false);
    expect(slow.some((r) => flags.has(r.id))).toBe(false);
  });

  it("a reporter following their own report is never unusual; a colleague's report of a protected child is", () => {
    const reporter: AccessFact = { ...base, userId: "r1", role: "reporter", readerUnitId: null, assigneeAtTime: "u2" };
    const evening = new Date("2026-03-21T20:00:00Z"); // a Saturday, 21:00
    const t0 = new Date("2026-03-18T09:00:00Z").getTime();
    // The designated contact's list shows a dozen colleagues' reports at once.
    const list = Array.from({ length: 12 }, (_, i) => ({ ...reporter, id: 400 + i, caseId: `c${i}`, at: new Date(t0 + i) }));
    const flags = flagUnusual([
      { ...reporter, id: 1, ownReport: true },
      { ...reporter, id: 2, ownReport: true, at: evening },
      { ...reporter, id: 3, ownReport: true, protectedIdentity: true },
      { ...reporter, id: 4, at: evening },
      { ...reporter, id: 5, protectedIdentity: true },
      ...list,
    ]);
    // Their own report: outside the municipality's office hours or about a protected child, it is theirs.
    expect(flags.get(1)).toBeUndefined();
    expect(flags.get(2)).toBeUndefined();
    expect(flags.get(3)).toBeUndefined();
    // A colleague's report, in the evening: the contact's own time, not the office's.
    expect(flags.get(4)).toBeUndefined();
    // A colleague's report about a child with protected personal data is looked at.
    expect(flags.get(5)).toEqual(["protectedIdentity"]);
    expect(list.some((r) => flags.has(r.id))).toBe(false);
  });
});

describe.each(testDatabaseKinds())("the log review over the demo (%s)", (kind) => {
  let t: TestDatabase;
  let auditor: SessionUser;
  const period = { from: addCalendarDays(stockholmDate(NOW), -8), to: addCalendarDays(stockholmDate(NOW), -1) };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t, NOW);
    const [row] = await t.db.select().from(users).where(eq(users.email, "granskare@demo.varna.se"));
    auditor = { ...row!, organisation: null };
  }, 120_000);
  afterAll(() => t.drop());

  it("lists the seeded unusual reads with why, and nothing ordinary", async () => {
    const review = await loadLogReview(t.db, auditor, period, NOW);
    expect(review).not.toBeNull();
    const byReader = (name: string) => review!.flagged.filter((f) => f.reader.name === name);
    // Johan opened a case assigned to Sara.
    expect(byReader("Johan Berg").map((f) => f.kinds)).toEqual([["notAssigned"]]);
    // Sara read her own case at 22:40 — only that read of hers is flagged.
    expect(byReader("Sara Lindqvist").map((f) => f.kinds)).toEqual([["offHours"]]);
    // A caseworker of another unit.
    expect(byReader("Lars Nyberg").map((f) => f.kinds)).toEqual([["otherUnit", "notAssigned"]]);
    // Maria: ten cases in minutes, and the protected child's case.
    const maria = byReader("Maria Holm");
    expect(maria.filter((f) => f.kinds.includes("burst"))).toHaveLength(10);
    expect(maria.filter((f) => f.kinds.includes("protectedIdentity"))).toHaveLength(1);
    expect(review!.flagged).toHaveLength(14);
    expect(review!.readCount).toBeGreaterThan(review!.flagged.length);
    expect(review!.unreviewed).toBe(14);
    expect(review!.signoff).toBeNull();
    // Reading the review is itself logged.
    const logged = await t.db.select().from(accessLog).where(and(eq(accessLog.userId, auditor.id), eq(accessLog.action, "accessLog")));
    expect(logged).toHaveLength(1);
    expect(logged[0]!.role).toBe("auditor");
  });

  it("keeps each review and the period's sign-off; refuses a sign-off with reads unreviewed", async () => {
    const first = (await loadLogReview(t.db, auditor, period, NOW))!;
    expect(await signOffPeriod(t.db, auditor, { period, findings: "Inget." }, NOW)).toEqual({ ok: false, error: "unreviewed" });
    expect(await t.db.select().from(accessReviewSignoffs)).toHaveLength(0);

    for (const f of first.flagged) {
      expect(await markReviewed(t.db, auditor, { accessId: f.id, comment: `Kontrollerad: ${f.kinds.join(", ")}` }, NOW)).toEqual({ ok: true });
    }
    expect(await markReviewed(t.db, auditor, { accessId: first.flagged[0]!.id, comment: "igen" }, NOW)).toEqual({
      ok: false,
      error: "alreadyReviewed",
    });
    const reviews = await t.db.select().from(accessLog).where(and(eq(accessLog.userId, auditor.id), eq(accessLog.action, "review")));
    expect(reviews).toHaveLength(14);

    const findings = "Johan Bergs läsning av kollegans ärende är förklarad (vikarierade). Inga övriga avvikelser.";
    expect(await signOffPeriod(t.db, auditor, { period, findings }, NOW)).toEqual({ ok: true });
    expect(await signOffPeriod(t.db, auditor, { period, findings: "igen" }, NOW)).toEqual({ ok: false, error: "alreadySignedOff" });

    const after = (await loadLogReview(t.db, auditor, period, NOW))!;
    expect(after.unreviewed).toBe(0);
    expect(after.signoff).toMatchObject({ from: period.from, to: period.to, signedByName: "Erik Sjöberg", findings, flaggedCount: 14 });
    expect(after.flagged.every((f) => f.review?.reviewerName === "Erik Sjöberg")).toBe(true);
    // A signed-off period is closed to further marks.
    const [extra] = await t.db
      .insert(accessLog)
      .values({ userId: auditor.id, caseId: first.flagged[0]!.case.id, action: "view", at: first.flagged[0]!.at ? new Date(first.flagged[0]!.at) : NOW })
      .returning({ id: accessLog.id });
    expect(await markReviewed(t.db, auditor, { accessId: extra!.id, comment: "sent" }, NOW)).toEqual({ ok: false, error: "signedOff" });

    const csv = (await logReviewCsv(t.db, auditor, period, "sv", NOW))!;
    expect(csv).toContain("Johan Berg");
    expect(csv).toContain("Ej tilldelad läsaren");
    expect(csv).toContain(findings);
    const exports = await t.db.select().from(accessLog).where(and(eq(accessLog.userId, auditor.id), eq(accessLog.action, "export")));
    expect(exports).toHaveLength(1);
  });

  it("marks all of one reader's unusual reads reviewed at once, e.g. after a mass read", async () => {
    const other = { from: addCalendarDays(period.from, -30), to: addCalendarDays(period.from, -1) };
    const [maria] = await t.db.select().from(users).where(eq(users.email, "arbetsledare@demo.varna.se"));
    const caseIds = (await loadLogReview(t.db, auditor, period, NOW))!.flagged.map((f) => f.case.id);
    const at = new Date(`${other.to}T18:00:00Z`); // 19:00 in Stockholm: outside office hours
    await t.db.insert(accessLog).values(caseIds.map((caseId, i) => ({ userId: maria!.id, caseId, action: "export", at: new Date(at.getTime() + i * 1000) })));
    const before = (await loadLogReview(t.db, auditor, other, NOW))!;
    expect(before.readersToReview).toEqual([{ id: maria!.id, name: "Maria Holm", count: caseIds.length }]);
    expect(await markReaderReviewed(t.db, auditor, { period: other, readerId: maria!.id, comment: "Exporten beställd av IVO." }, NOW)).toEqual({ ok: true, count: caseIds.length });
    const after = (await loadLogReview(t.db, auditor, other, NOW))!;
    expect(after.unreviewed).toBe(0);
    expect(after.flagged.every((f) => f.review?.comment === "Exporten beställd av IVO.")).toBe(true);
    // Nothing left of that reader to review.
    expect(await markReaderReviewed(t.db, auditor, { period: other, readerId: maria!.id, comment: "igen" }, NOW)).toEqual({ ok: false, error: "notFound" });
  });

  it("is for auditors only", async () => {
    const [lead] = await t.db.select().from(users).where(eq(users.email, "arbetsledare@demo.varna.se"));
    const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@demo.varna.se"));
    for (const u of [lead!, admin!].map((r) => ({ ...r, organisation: null }))) {
      expect(await loadLogReview(t.db, u, period, NOW)).toBeNull();
      expect(await markReviewed(t.db, u, { accessId: 1, comment: "x" }, NOW)).toEqual({ ok: false, error: "forbidden" });
      expect(await signOffPeriod(t.db, u, { period: { from: "2020-01-01", to: "2020-01-02" }, findings: "x" }, NOW)).toEqual({ ok: false, error: "forbidden" });
    }
  });
});

describe("the review report's CSV cells", () => {
  it("quotes separators and never lets a spreadsheet run a cell as a formula", async () => {
    const { csvLine } = await import("./csv");
    expect(csvLine(["a;b", 'sa "hej"', "=HYPERLINK(1)", null, 3])).toBe('"a;b";"sa ""hej""";\'=HYPERLINK(1);;3\r\n');
  });
});
