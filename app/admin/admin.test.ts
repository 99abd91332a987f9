import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { organisations, sessions, units, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { createSession, type SessionUser } from "../auth/session.server";
import { createStaff, createUnit } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { performAdminHomeAction, performAdminOrganisationAction, performAdminUserAction } from "./admin-pages.server";
import { getUser, listAdminLog, saveUnit, updateUser } from "./admin.server";

process.env.SESSION_SECRET ??= "admin-test-secret";

describe.each(testDatabaseKinds())("admin: units and users (%s)", (kind) => {
  let t: TestDatabase;
  let admin: SessionUser;
  let unitId: string;
  let lead: SessionUser;
  let outsider: SessionUser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    unitId = await ensureDefaultUnit(t.db);
    admin = await createStaff(t.db, unitId, "admin", "Per Admin");
    lead = await createStaff(t.db, unitId, "teamLead", "Maria Ledare");
    outsider = await createStaff(t.db, await createUnit(t.db, "Vuxen, Testkommun"), "caseworker", "Annan Enhet");
  });
  afterAll(() => t.drop());

  const details = { name: "Barn och unga, Lysekil", municipality: "Lysekils kommun", address: "Box 113\n453 80 Lysekil", phone: "0523-61 30 00", officeHours: "Vardagar 08–16" };

  it("keeps the letter details and the deputy approver, who must be active staff of the unit", async () => {
    expect(await saveUnit(t.db, admin, unitId, { ...details, deputyApproverId: outsider.id })).toMatchObject({ ok: false, field: "deputyApproverId" });
    expect(await saveUnit(t.db, admin, unitId, { ...details, deputyApproverId: admin.id })).toMatchObject({ ok: false, field: "deputyApproverId" });
    expect(await saveUnit(t.db, admin, unitId, { ...details, deputyApproverId: lead.id })).toEqual({ ok: true, id: unitId });
    const [unit] = await t.db.select().from(units).where(eq(units.id, unitId));
    expect(unit).toMatchObject({ address: "Box 113\n453 80 Lysekil", deputyApproverId: lead.id });

    // Leaving the unit ends being its deputy, and the sessions begun under the old rights.
    await createSession(t.db, lead.id);
    expect(
      await updateUser(t.db, admin, lead.id, {
        name: lead.name,
        role: "teamLead",
        unitId: outsider.unitId,
        phone: null,
        title: null,
        organisationId: null,
      }),
    ).toMatchObject({ ok: true });
    const [after] = await t.db.select().from(units).where(eq(units.id, unitId));
    expect(after!.deputyApproverId).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, lead.id))).toHaveLength(0);

    const log = (await listAdminLog(t.db, admin))!;
    expect(log.map((l) => l.action)).toEqual(["userUpdated", "unitUpdated"]);
    // Ids are shown by name in the log.
    expect(log[1]!.detail.deputyApproverId).toEqual([null, "Maria Ledare"]);
    expect(log[0]!.detail.unitId).toEqual(["Barn och unga, Lysekil", "Vuxen, Testkommun"]);
  });

  it("refuses everyone but admins, and an admin taking away their own access", async () => {
    expect(await saveUnit(t.db, lead, unitId, { ...details, deputyApproverId: null })).toMatchObject({ ok: false, status: 403 });
    expect(
      await updateUser(t.db, admin, admin.id, {
        name: "Per",
        role: "caseworker",
        unitId,
        phone: null,
        title: null,
        organisationId: null,
      }),
    ).toMatchObject({ ok: false, field: "role" });
    const [me] = await t.db.select().from(users).where(eq(users.id, admin.id));
    expect(me!.role).toBe("admin");
  });

  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it("keeps organisations per unit, and a reporter's organisation chosen from them, logged like every change", async () => {
    const gullmar = await performAdminOrganisationAction(t.db, admin, null, form({ name: "Gullmarsskolan", unitId }));
    expect(gullmar).toMatchObject({ ok: true, intent: "saveOrganisation" });
    if (!gullmar.ok) return;
    // The same name in another unit is another organisation; twice in one unit is refused.
    expect(await performAdminOrganisationAction(t.db, admin, null, form({ name: "Gullmarsskolan", unitId: outsider.unitId! }))).toMatchObject({ ok: true });
    expect(await performAdminOrganisationAction(t.db, admin, null, form({ name: "Gullmarsskolan", unitId }))).toMatchObject({
      ok: false,
      status: 409,
      data: { fieldErrors: { name: "admin.organisationNameTaken" } },
    });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({ action: "organisationCreated", detail: { name: "Gullmarsskolan" } });

    const created = await performAdminHomeAction(
      t.db,
      admin,
      form({ email: "kurator@skolan.se", password: "ett-langt-losenord", name: "Karin Kurator", role: "reporter", organisationId: gullmar.id }),
    );
    expect(created).toMatchObject({ ok: true, intent: "createUser" });
    if (!created.ok) return;
    expect(await getUser(t.db, admin, created.id)).toMatchObject({ organisationId: gullmar.id, organisationName: "Gullmarsskolan" });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({
      action: "userCreated",
      detail: expect.objectContaining({ organisationId: "Gullmarsskolan" }),
    });

    // The designated contact, then renamed: both logged, by name.
    expect(await performAdminOrganisationAction(t.db, admin, gullmar.id, form({ name: "Gullmarsskolan", contactUserId: created.id }))).toMatchObject({ ok: true });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({
      action: "organisationUpdated",
      targetUnitName: "Barn och unga, Lysekil",
      detail: { contactUserId: [null, "Karin Kurator"] },
    });
    expect(await performAdminOrganisationAction(t.db, admin, gullmar.id, form({ name: "Gullmarsskolan F–9", contactUserId: created.id }))).toMatchObject({ ok: true });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({ detail: { name: ["Gullmarsskolan", "Gullmarsskolan F–9"] } });

    // A contact who leaves the organisation is no longer its contact.
    expect(
      await performAdminUserAction(t.db, admin, created.id, form({ intent: "update", name: "Karin Kurator", role: "reporter" })),
    ).toMatchObject({ ok: true });
    const [after] = await t.db.select().from(organisations).where(eq(organisations.id, gullmar.id));
    expect(after!.contactUserId).toBeNull();
  });

  it("an organisation is a reporter's, chosen from the list; otherwise a message beside the field, nothing stored", async () => {
    const before = (await listAdminLog(t.db, admin))!.length;
    const [some] = await t.db.select().from(organisations);
    const typed = await performAdminHomeAction(
      t.db,
      admin,
      form({ email: "ensam@skolan.se", password: "ett-langt-losenord", name: "Ensam", role: "reporter", organisationId: "Gullmarsskolan" }),
    );
    expect(typed).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { organisationId: "field.invalidChoice" } } });
    const staff = await performAdminUserAction(
      t.db,
      admin,
      outsider.id,
      form({ intent: "update", name: outsider.name, role: "caseworker", unitId: outsider.unitId!, organisationId: some!.id }),
    );
    expect(staff).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { organisationId: "admin.organisationOnlyReporter" } } });
    const noUnit = await performAdminOrganisationAction(t.db, admin, null, form({ name: "Skaftö skola" }));
    expect(noUnit).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { unitId: "admin.unitRequired" } } });
    const staffContact = await performAdminOrganisationAction(t.db, admin, some!.id, form({ name: some!.name, contactUserId: outsider.id }));
    expect(staffContact).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { contactUserId: "admin.contactInvalid" } } });
    expect(await performAdminOrganisationAction(t.db, lead, some!.id, form({ name: "X" }))).toMatchObject({ ok: false, status: 403 });
    expect((await listAdminLog(t.db, admin))!.length).toBe(before);
    expect(await getUser(t.db, admin, outsider.id)).toMatchObject({ organisationId: null });
  });
});
