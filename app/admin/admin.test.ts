import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessions, units, users } from "../../db/schema";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../../db/testing";
import { createSession, type SessionUser } from "../auth/session.server";
import { createStaff, createUnit } from "../cases/testing.server";
import { ensureDefaultUnit } from "../units.server";
import { listAdminLog, saveUnit, updateUser } from "./admin.server";

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
    expect(await updateUser(t.db, admin, lead.id, { name: lead.name, role: "teamLead", unitId: outsider.unitId, phone: null, title: null })).toMatchObject({ ok: true });
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
    expect(await updateUser(t.db, admin, admin.id, { name: "Per", role: "caseworker", unitId, phone: null, title: null })).toMatchObject({ ok: false, field: "role" });
    const [me] = await t.db.select().from(users).where(eq(users.id, admin.id));
    expect(me!.role).toBe("admin");
  });
});
