import { asc, sql } from "drizzle-orm";

import { builtOnce, type Db, type Queryable } from "../db/client";
import { units } from "../db/schema";

export const DEFAULT_UNIT = {
  name: "Barn och unga, Lysekil",
  municipality: "Lysekils kommun",
  address: "453 80 Lysekil",
  phone: "0523-61 30 00",
  officeHours: "Vardagar 08–16",
};

/** What a unit's letters print as their sender (app/letters/archive.server.ts). */
export const unitLetterDetails = {
  name: units.name,
  municipality: units.municipality,
  address: units.address,
  phone: units.phone,
  officeHours: units.officeHours,
};
export type UnitLetterDetails = { name: string; municipality: string; address: string | null; phone: string | null; officeHours: string | null };

/**
 * The unit that receives reports from the public form: the municipality's first unit, with
 * the details its letters print (a receipt is drawn before its case exists).
 */
export async function intakeUnit(db: Queryable) {
  const [unit] = await db
    .select({ id: units.id, ...unitLetterDetails })
    .from(units)
    .orderBy(asc(units.createdAt))
    .limit(1);
  if (!unit) throw new Error("No unit exists; the server creates one at start (ensureDefaultUnit)");
  return unit;
}

/** A fresh database gets the municipality's children-and-youth unit, so reports have a home. */
export async function ensureDefaultUnit(db: Db): Promise<string> {
  await db.insert(units).values(DEFAULT_UNIT).onConflictDoNothing();
  return (await intakeUnit(db)).id;
}

export type UnitContact = { municipality: string; address: string | null; phone: string | null; officeHours: string | null };

/**
 * The municipality as its units keep it (the admin edits it at /admin/enheter): the given
 * unit's — a signed-in person's own — else the unit that receives the public form's reports
 * (the first); DEFAULT_UNIT before any unit exists.
 */
export async function unitContact(db: Db, unitId: string | null): Promise<UnitContact> {
  const [unit] = await contactOfUnit(db).execute({ unit: unitId });
  return unit ?? DEFAULT_UNIT;
}

/** Every page asks (the root loader): built once. Without a unit, every row ties on the first key. */
const contactOfUnit = builtOnce((db) =>
  db
    .select({ municipality: units.municipality, address: units.address, phone: units.phone, officeHours: units.officeHours })
    .from(units)
    .orderBy(sql`${units.id} = ${sql.placeholder("unit")}::uuid desc`, asc(units.createdAt))
    .limit(1)
    .prepare("unit_contact"),
);
