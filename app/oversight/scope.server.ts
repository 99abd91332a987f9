import { eq, inArray } from "drizzle-orm";

import type { Db } from "../../db/client";
import { units, users } from "../../db/schema";
import type { SessionUser } from "../auth/session.server";

/**
 * The units an auditor may read: every unit of their own unit's municipality (auditors
 * are municipality-wide). An auditor without a unit reads nothing.
 */
export async function auditorUnitIds(db: Db, user: SessionUser): Promise<string[]> {
  if (user.role !== "auditor" || !user.unitId) return [];
  const [own] = await db.select({ municipality: units.municipality }).from(units).where(eq(units.id, user.unitId));
  if (!own) return [];
  const rows = await db.select({ id: units.id }).from(units).where(eq(units.municipality, own.municipality));
  return rows.map((r) => r.id);
}

/** Staff of these units (for the caseworker filter and the per-user access log). */
export async function staffOfUnits(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(inArray(users.unitId, unitIds))
    .orderBy(users.name);
}
