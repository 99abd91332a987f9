/**
 * A reporter sees exactly their own reports — and, as their organisation's designated contact
 * (kept by the admin on the organisation), every report recorded at intake as made from that
 * organisation, by its id. Never another organisation's (not one of the same name in another
 * unit), never a report made without an account.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessLog, caseEvents, letters, organisations, reports, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import type { SessionUser } from "../auth/session.server";
import { performAdminOrganisationAction, performAdminUserAction } from "../admin/admin-pages.server";
import { listAdminLog } from "../admin/admin.server";
import { createStaff, createUnit } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { validIntakeFormData } from "./fixtures";
import { receiptDownload } from "./intake-page.server";
import { myLetter, myReports } from "./my-reports.server";
import { parseIntake } from "./schema";
import { submitReport } from "./submit.server";

describe.each(testDatabaseKinds())("whose reports a reporter sees (%s)", (kind) => {
  let t: TestDatabase;
  let admin: SessionUser;
  const made = new Map<string, string>(); // child name → report id

  async function organisation(unitId: string, name: string): Promise<string> {
    const [row] = await t.db.insert(organisations).values({ unitId, name }).returning({ id: organisations.id });
    return row!.id;
  }
  async function reporter(name: string, organisationId: string | null): Promise<SessionUser> {
    const user = await createStaff(t.db, null, "reporter", name);
    await t.db.update(users).set({ organisationId, mandatedReporter: true }).where(eq(users.id, user.id));
    return user;
  }
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  /** What the admin's organisation form does: rename it or choose its designated contact. */
  async function setContact(organisationId: string, name: string, contact: SessionUser | null) {
    const outcome = await performAdminOrganisationAction(t.db, admin, organisationId, form({ name, contactUserId: contact?.id ?? "" }));
    expect(outcome).toMatchObject({ ok: true });
  }
  async function reportBy(user: SessionUser | null, child: string) {
    const s = parseIntake(validIntakeFormData({ childPersonalNumber: "", childName: child }));
    if (s.status !== "success") throw new Error("invalid fixture");
    const r = await submitReport(t.db, s.value, user && { userId: user.id, name: user.name });
    made.set(child, r.reportId);
  }
  const children = async (user: SessionUser) => (await myReports(t.db, user)).map((r) => r.childName).sort();

  let gullmar: string, gullmarElsewhere: string, skafto: string;
  let teacher: SessionUser, colleague: SessionUser, contact: SessionUser, namesakeContact: SessionUser, otherSchoolContact: SessionUser, loner: SessionUser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const unitId = await ensureDefaultUnit(t.db);
    const otherUnit = await createUnit(t.db, "Barn och unga, Sotenäs");
    admin = await createStaff(t.db, null, "admin", "Per Admin");
    gullmar = await organisation(unitId, "Gullmarsskolan");
    gullmarElsewhere = await organisation(otherUnit, "Gullmarsskolan"); // the same name in another unit
    skafto = await organisation(unitId, "Skaftö skola");
    teacher = await reporter("Anders Lund", gullmar);
    colleague = await reporter("Eva Kollega", gullmar);
    contact = await reporter("Karin Ek", gullmar);
    namesakeContact = await reporter("Nils Namne", gullmarElsewhere);
    otherSchoolContact = await reporter("Olle Annan", skafto);
    loner = await reporter("Lisa Ensam", null);
    await setContact(gullmar, "Gullmarsskolan", contact);
    await setContact(gullmarElsewhere, "Gullmarsskolan", namesakeContact);
    await setContact(skafto, "Skaftö skola", otherSchoolContact);
    await reportBy(teacher, "Barn Lärare");
    await reportBy(colleague, "Barn Kollega");
    await reportBy(contact, "Barn Kontakt");
    await reportBy(namesakeContact, "Barn Namne");
    await reportBy(otherSchoolContact, "Barn Skaftö");
    await reportBy(loner, "Barn Ensam");
    await reportBy(null, "Barn Anonym");
  });
  afterAll(() => t.drop());

  it("a report records, at intake, the organisation its reporter's account belonged to", async () => {
    const of = async (child: string) =>
      (await t.db.select({ o: reports.reporterOrganisationId }).from(reports).where(eq(reports.id, made.get(child)!)))[0]!.o;
    expect(await of("Barn Lärare")).toBe(gullmar);
    expect(await of("Barn Namne")).toBe(gullmarElsewhere);
    expect(await of("Barn Ensam")).toBeNull();
    expect(await of("Barn Anonym")).toBeNull();
  });

  it("staff of a school see their own reports only; the colleague does not see the contact's", async () => {
    expect(await children(teacher)).toEqual(["Barn Lärare"]);
    expect(await children(colleague)).toEqual(["Barn Kollega"]);
    expect(await children(loner)).toEqual(["Barn Ensam"]);
  });

  it("the school's designated contact sees all of the school's reports, and only those", async () => {
    expect(await children(contact)).toEqual(["Barn Kollega", "Barn Kontakt", "Barn Lärare"]);
    const list = await myReports(t.db, contact);
    expect(list.find((r) => r.childName === "Barn Kontakt")).toMatchObject({ own: true, madeBy: null });
    expect(list.find((r) => r.childName === "Barn Lärare")).toMatchObject({ own: false, madeBy: expect.any(String) });
    expect(await children(otherSchoolContact)).toEqual(["Barn Skaftö"]);
  });

  it("two organisations of the same name in two units do not see each other's reports", async () => {
    expect(await children(namesakeContact)).toEqual(["Barn Namne"]);
    expect(await children(contact)).not.toContain("Barn Namne");
  });

  it("changing the contact in admin moves the right, and is logged", async () => {
    await setContact(gullmar, "Gullmarsskolan", colleague);
    expect(await children(colleague)).toEqual(["Barn Kollega", "Barn Kontakt", "Barn Lärare"]);
    expect(await children(contact)).toEqual(["Barn Kontakt"]);
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({
      action: "organisationUpdated",
      detail: { organisationId: "Gullmarsskolan", contactUserId: ["Karin Ek", "Eva Kollega"] },
    });
    await setContact(gullmar, "Gullmarsskolan", contact);
    expect(await children(colleague)).toEqual(["Barn Kollega"]);
  });

  it("a report stays with the organisation it was made from when its reporter moves", async () => {
    const moved = await performAdminUserAction(
      t.db,
      admin,
      teacher.id,
      form({ intent: "update", name: teacher.name, role: "reporter", organisationId: skafto }),
    );
    expect(moved).toMatchObject({ ok: true });
    expect(await children(otherSchoolContact)).toEqual(["Barn Skaftö"]);
    expect(await children(contact)).toContain("Barn Lärare");
    expect(await children(teacher)).toEqual(["Barn Lärare"]);
  });

  it("the contact is one of the organisation's own reporters; otherwise a message beside the field, nothing stored", async () => {
    const before = (await listAdminLog(t.db, admin))!.length;
    const outcome = await performAdminOrganisationAction(t.db, admin, gullmar, form({ name: "Gullmarsskolan", contactUserId: namesakeContact.id }));
    expect(outcome).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { contactUserId: "admin.contactInvalid" } } });
    expect(await children(namesakeContact)).toEqual(["Barn Namne"]);
    expect((await listAdminLog(t.db, admin))!.length).toBe(before);
  });

  it("the letters follow the same rule", async () => {
    const [receipt] = await t.db.select({ id: letters.id }).from(letters).where(eq(letters.reportId, made.get("Barn Lärare")!));
    expect(await myLetter(t.db, teacher, receipt!.id)).not.toBeNull();
    expect(await myLetter(t.db, contact, receipt!.id)).not.toBeNull();
    expect(await myLetter(t.db, colleague, receipt!.id)).toBeNull();
    expect(await myLetter(t.db, namesakeContact, receipt!.id)).toBeNull();
    expect(await myLetter(t.db, otherSchoolContact, receipt!.id)).toBeNull();
  });

  it("an anonymous report sent while signed in is tied to no one: not the account, not the school, not the case's history", async () => {
    const s = parseIntake(validIntakeFormData({ childPersonalNumber: "", childName: "Anon Barnsson", anonymous: "on", reporterName: "", reporterPhone: "", reporterEmail: "" }));
    if (s.status !== "success") throw new Error(`invalid fixture: ${JSON.stringify(s.error)}`);
    expect(s.value.reporter).toMatchObject({ kind: "private", anonymous: true });
    const r = await submitReport(t.db, s.value, { userId: teacher.id, name: teacher.name });
    const [row] = await t.db.select({ userId: reports.reporterUserId, organisationId: reports.reporterOrganisationId }).from(reports).where(eq(reports.id, r.reportId));
    expect(row).toEqual({ userId: null, organisationId: null });
    const [opened] = await t.db.select({ actorId: caseEvents.actorId, actorName: caseEvents.actorName, event: caseEvents.event }).from(caseEvents).where(eq(caseEvents.caseId, r.caseId));
    expect(JSON.stringify(opened)).not.toMatch(/Anders Lund|${teacher.id}/);
    expect(await children(teacher)).not.toContain("Anon Barnsson");
    expect(await children(contact)).not.toContain("Anon Barnsson");
    // Like any anonymous reporter, they can add to it with the report's one-time code.
    expect(r.reportCode).toEqual(expect.any(String));
  });

  it("a list entry carries nothing of the case or the family", async () => {
    const [entry] = await myReports(t.db, teacher);
    expect(Object.keys(entry!).sort()).toEqual(
      ["childName", "feedback", "id", "madeBy", "own", "receiptLetterId", "receivedAt", "reportNumber"].sort(),
    );
  });

  describe("reading is logged, with the reader's role and nothing personal in the detail", () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const readsBy = async (user: SessionUser) =>
      (await t.db.select().from(accessLog).where(eq(accessLog.userId, user.id)).orderBy(asc(accessLog.id))).map((r) => ({
        action: r.action,
        role: r.role,
        caseId: r.caseId,
        detail: r.detail,
      }));
    const reportOf = async (child: string) =>
      (await t.db.select({ id: reports.id, caseId: reports.caseId }).from(reports).where(eq(reports.id, made.get(child)!)))[0]!;
    const receiptOf = async (child: string) =>
      (await t.db.select({ id: letters.id }).from(letters).where(and(eq(letters.reportId, made.get(child)!), eq(letters.kind, "receipt"))))[0]!.id;

    it("a reporter's own receipt: from Mina anmälningar and from the receipt link, each logged before it is handed out", async () => {
      const reader = await reporter("Rut Läsare", await organisation(await ensureDefaultUnit(t.db), "Lysekils gymnasium"));
      await reportBy(reader, "Barn Läsare");
      const report = await reportOf("Barn Läsare");
      const receipt = await receiptOf("Barn Läsare");
      const at = new Date("2026-03-20T19:30:00Z");

      // Their own list is not a read of anyone else's report: nothing logged.
      expect(await myReports(t.db, reader, at)).toHaveLength(1);
      expect(await readsBy(reader)).toEqual([]);

      expect(await myLetter(t.db, reader, receipt, at)).not.toBeNull();
      expect(await receiptDownload(t.db, reader, report.id, at)).not.toBeNull();
      expect(await readsBy(reader)).toEqual([
        { action: "letter", role: "reporter", caseId: report.caseId, detail: receipt },
        { action: "letter", role: "reporter", caseId: report.caseId, detail: receipt },
      ]);
    });

    it("a refused read leaves nothing", async () => {
      const receipt = await receiptOf("Barn Lärare");
      const before = await readsBy(colleague);
      expect(await myLetter(t.db, colleague, receipt)).toBeNull();
      // The receipt link serves anyone for a day after submitting; later only its reporter.
      const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
      expect(await receiptDownload(t.db, colleague, made.get("Barn Lärare")!, later)).toBeNull();
      expect(await readsBy(colleague)).toEqual(before);
    });

    it("the designated contact's reads of colleagues' reports: each listed report and each letter, not their own", async () => {
      const before = (await readsBy(contact)).length;
      const list = await myReports(t.db, contact);
      const logged = (await readsBy(contact)).slice(before);
      const colleagues = list.filter((r) => !r.own);
      expect(colleagues.map((r) => r.childName).sort()).toEqual(["Barn Kollega", "Barn Lärare"]);
      expect(logged).toEqual(
        expect.arrayContaining(
          await Promise.all(
            colleagues.map(async (r) => ({ action: "report", role: "reporter", caseId: (await reportOf(r.childName)).caseId, detail: r.id })),
          ),
        ),
      );
      expect(logged).toHaveLength(2);

      const receipt = await receiptOf("Barn Lärare");
      expect(await myLetter(t.db, contact, receipt)).not.toBeNull();
      expect((await readsBy(contact)).at(-1)).toEqual({ action: "letter", role: "reporter", caseId: (await reportOf("Barn Lärare")).caseId, detail: receipt });
      for (const r of await readsBy(contact)) expect(r.detail).toMatch(UUID);
    });
  });
});
