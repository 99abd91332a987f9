import { getSessionUser } from "../auth/session.server";
import { getDb } from "../db.server";
import { unitContact, type UnitContact } from "../units.server";

/** Whom the statement names: the signed-in person's unit's municipality, else the public one's. */
export async function statementContact(request: Request): Promise<UnitContact> {
  const db = await getDb();
  const user = await getSessionUser(db, request);
  return unitContact(db, user?.unitId ?? null);
}
