import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessions, units, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { createSession, type SessionUser } from "../auth/session.server";
import { createStaff, createUnit } from "../../test/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { performAdminHomeAction, performAdminUserAction } from "./admin-pages.server";
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
        organisation: null,
        seesOrganisationReports: false,
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
        organisation: null,
        seesOrganisationReports: false,
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

  it("keeps a reporter's organisation and whether they are its designated contact, logged like every change", async () => {
    const created = await performAdminHomeAction(
      t.db,
      admin,
      form({
        email: "kurator@skolan.se",
        password: "ett-langt-losenord",
        name: "Karin Kurator",
        role: "reporter",
        organisation: "Gullmarsskolan",
        seesOrganisationReports: "on",
      }),
    );
    expect(created).toMatchObject({ ok: true, intent: "createUser" });
    if (!created.ok) return;
    expect(await getUser(t.db, admin, created.id)).toMatchObject({ organisation: "Gullmarsskolan", seesOrganisationReports: true });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({
      action: "userCreated",
      detail: expect.objectContaining({ organisation: "Gullmarsskolan", seesOrganisationReports: true }),
    });

    // Unticked: the box posts nothing.
    const updated = await performAdminUserAction(
      t.db,
      admin,
      created.id,
      form({ intent: "update", name: "Karin Kurator", role: "reporter", organisation: "Gullmarsskolan" }),
    );
    expect(updated).toMatchObject({ ok: true });
    expect(await getUser(t.db, admin, created.id)).toMatchObject({ seesOrganisationReports: false });
    expect((await listAdminLog(t.db, admin))![0]).toMatchObject({
      action: "userUpdated",
      targetUserName: "Karin Kurator",
      detail: { seesOrganisationReports: [true, false] },
    });
  });

  it("the setting is for a reporter with an organisation; otherwise a message beside the field, nothing stored", async () => {
    const before = (await listAdminLog(t.db, admin))!.length;
    const noOrganisation = await performAdminHomeAction(
      t.db,
      admin,
      form({ email: "ensam@skolan.se", password: "ett-langt-losenord", name: "Ensam", role: "reporter", seesOrganisationReports: "on" }),
    );
    expect(noOrganisation).toMatchObject({ ok: false, status: 400, data: { fieldErrors: { seesOrganisationReports: "admin.contactNeedsOrganisation" } } });
    const staff = await performAdminUserAction(
      t.db,
      admin,
      outsider.id,
      form({ intent: "update", name: outsider.name, role: "caseworker", unitId: outsider.unitId!, organisation: "Gullmarsskolan", seesOrganisationReports: "on" }),
    );
    expect(staff).toMatchObject({
      ok: false,
      status: 400,
      data: { fieldErrors: { organisation: "admin.organisationOnlyReporter", seesOrganisationReports: "admin.contactNeedsOrganisation" } },
    });
    expect((await listAdminLog(t.db, admin))!.length).toBe(before);
    expect(await getUser(t.db, admin, outsider.id)).toMatchObject({ organisation: null, seesOrganisationReports: false });
  });
});
