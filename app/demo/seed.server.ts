import { inArray } from "drizzle-orm";

import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { ensureDefaultUnit } from "../units.server";
import { DEMO_PASSWORD, demoAccounts } from "./accounts";
import { seedDemoCases } from "./cases.server";

export type SeedResult = { accounts: { email: string; role: string }[]; cases: number };

/**
 * Creates the demo accounts and demo cases once. Returns null when they already exist (every
 * later start), so the console says "created" only on the first start.
 */
export async function seedDemo(database: Database, now: Date = new Date()): Promise<SeedResult | null> {
  const { db } = database;
  const unitId = await ensureDefaultUnit(db);
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, demoAccounts.map((a) => a.email)));
  if (existing.length > 0) return null;

  const hashes = await Promise.all(demoAccounts.map(() => hashPassword(DEMO_PASSWORD)));
  await db.insert(users).values(
    demoAccounts.map((a, i) => ({
      email: a.email,
      name: a.name,
      phone: a.phone,
      role: a.role,
      unitId: a.role === "reporter" ? null : unitId,
      organisation: a.organisation ?? null,
      title: a.title ?? null,
      mandatedReporter: a.mandatedReporter ?? false,
      seesOrganisationReports: a.seesOrganisationReports ?? false,
      passwordHash: hashes[i]!,
    })),
  );
  const cases = await seedDemoCases(db, now);
  return { accounts: demoAccounts.map(({ email, role }) => ({ email, role })), cases };
}
