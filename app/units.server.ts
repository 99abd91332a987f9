import { asc } from "drizzle-orm";

import type { Db, Queryable } from "../db/client";
import { units } from "../db/schema";

export const DEFAULT_UNIT = {
  name: "Barn och unga, Lysekil",
  municipality: "Lysekils kommun",
  address: "453 80 Lysekil",
  phone: "0523-61 30 00",
  officeHours: "Vardagar 08–16",
};

/** The unit that receives reports from the public form: the municipality's first unit. */
export async function intakeUnitId(db: Queryable): Promise<string> {
  const [unit] = await db.select({ id: units.id }).from(units).orderBy(asc(units.createdAt)).limit(1);
  if (!unit) throw new Error("No unit exists; the server creates one at start (ensureDefaultUnit)");
  return unit.id;
}

/** A fresh database gets the municipality's children-and-youth unit, so reports have a home. */
export async function ensureDefaultUnit(db: Db): Promise<string> {
  await db.insert(units).values(DEFAULT_UNIT).onConflictDoNothing();
  return intakeUnitId(db);
}
