/** Helpers for integration tests: staff of a unit and a submitted report, through the real services. */
import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";

import type { Db } from "../db/client";
import { cases, units, users } from "../db/schema";
import type { SessionUser } from "../app/auth/session.server";
import { submitReport } from "../app/intake/submit.server";
import type { IntakeInput } from "../app/intake/types";
import { ensureDefaultUnit } from "../app/units.server";

export type Staff = { unitId: string; caseworker: SessionUser; caseworker2: SessionUser; teamLead: SessionUser };

export async function createStaff(db: Db, unitName?: string): Promise<Staff> {
  const unitId = unitName
    ? (await db.insert(units).values({ name: unitName, municipality: "Testkommun" }).returning({ id: units.id }))[0]!.id
    : await ensureDefaultUnit(db);
  const make = async (role: "caseworker" | "teamLead", name: string): Promise<SessionUser> => {
    const [u] = await db
      .insert(users)
      .values({ email: `${randomUUID()}@test.varna.se`, name, role, unitId, passwordHash: "not-a-login", phone: "0523-61 31 99" })
      .returning();
    return { ...u!, title: null, organisation: null };
  };
  return {
    unitId,
    caseworker: await make("caseworker", "Sara Testsson"),
    caseworker2: await make("caseworker", "Bo Testsson"),
    teamLead: await make("teamLead", "Maria Testledare"),
  };
}

export function intakeInput(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    idempotencyKey: randomUUID(),
    reporter: { kind: "mandated", name: "Karin Ek", organisation: "Gullmarsskolan", title: "Kurator", phone: "0523-61 35 40", email: null, sector: "school" },
    child: {
      name: "Elsa Testsson",
      personalNumber: null,
      birthDate: "2014-03-12",
      address: "Kungsgatan 14, 453 30 Lysekil",
      school: null,
      whereabouts: null,
      protectedIdentity: false,
    },
    guardians: [{ name: "Vårdnadshavare", phone: null, email: null, address: "Kungsgatan 14, 453 30 Lysekil", knowsAboutReport: "unknown" }],
    siblings: [],
    concern: { what: "Oro för barnet.", when: null, duration: null, ifNothing: null, childKnows: "unknown" },
    interpreterLanguage: null,
    violenceKinds: [],
    ...overrides,
  };
}

export async function newCase(db: Db, overrides: Partial<IntakeInput> = {}, at?: Date) {
  const r = await submitReport(db, intakeInput(overrides), null, at);
  return r;
}

export async function versionOf(db: Db, caseId: string): Promise<number> {
  const [row] = await db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  return row!.version;
}
