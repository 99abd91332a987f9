import { randomUUID } from "node:crypto";

import { eq, inArray } from "drizzle-orm";

import type { Database } from "../../db/client";
import { organisations, users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { ensureDefaultUnit } from "../units.server";
import { DEMO_PASSWORD, demoAccounts } from "./accounts";
import { seedDemoAccessLog } from "./access-log.server";
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

  // One argon2 hash for every demo account (each costs a few hundred milliseconds of the first
  // start on a small machine): the demo password is published, so a shared salt gives
  // nothing away. Real accounts each get their own (app/auth/password.server.ts).
  // The other unit's colleague (who cannot sign in) gets a hash of a password nobody knows,
  // made at the same time: argon2 runs on libuv's threads, and the two took turns before.
  const [passwordHash, unknownPasswordHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(randomUUID())]);
  // The demo organisations (Gullmarsskolan) belong to the demo unit.
  const organisationIds = new Map<string, string>();
  for (const name of new Set(demoAccounts.flatMap((a) => (a.organisation ? [a.organisation] : [])))) {
    const [row] = await db.insert(organisations).values({ unitId, name }).returning({ id: organisations.id });
    organisationIds.set(name, row!.id);
  }
  const inserted = await db.insert(users).values(
    demoAccounts.map((a) => ({
      email: a.email,
      name: a.name,
      phone: a.phone,
      role: a.role,
      unitId: a.role === "reporter" ? null : unitId,
      organisationId: a.organisation ? organisationIds.get(a.organisation)! : null,
      title: a.title ?? null,
      mandatedReporter: a.mandatedReporter ?? false,
      passwordHash,
    })),
  ).returning({ id: users.id, email: users.email });
  for (const a of demoAccounts) {
    if (!a.organisation || !a.organisationContact) continue;
    const contact = inserted.find((u) => u.email === a.email)!;
    await db.update(organisations).set({ contactUserId: contact.id }).where(eq(organisations.id, organisationIds.get(a.organisation)!));
  }
  const cases = await seedDemoCases(db, now);
  await seedDemoAccessLog(db, now, unknownPasswordHash);
  return { accounts: demoAccounts.map(({ email, role }) => ({ email, role })), cases };
}
