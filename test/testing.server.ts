/**
 * Fixtures for the case tests: staff accounts and reports made through the real services.
 * Test-only; no route imports this.
 */
import { randomUUID } from "node:crypto";

import type { Db } from "../db/client";
import { units, users } from "../db/schema";
import type { SessionUser } from "../app/auth/session.server";
import type { Role } from "../app/auth/roles";
import { submitReport } from "../app/intake/submit.server";
import type { IntakeInput } from "../app/intake/types";

export async function createUnit(db: Db, name: string): Promise<string> {
  const [row] = await db.insert(units).values({ name, municipality: "Testkommun" }).returning({ id: units.id });
  return row!.id;
}

export async function createStaff(db: Db, unitId: string | null, role: Role, name: string): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({
      email: `${randomUUID()}@test.varna.se`,
      name,
      phone: "0523-61 30 00",
      role,
      unitId,
      // Never used to sign in: these tests call the domain functions directly.
      passwordHash: "not-a-hash",
    })
    .returning();
  return {
    id: row!.id,
    email: row!.email,
    name: row!.name,
    role: row!.role,
    unitId: row!.unitId,
    phone: row!.phone,
    organisation: null,
    title: row!.title,
    mandatedReporter: row!.mandatedReporter,
    passwordChangeRequired: row!.passwordChangeRequired,
  };
}

export function intake(overrides: Partial<IntakeInput> & { childName?: string } = {}): IntakeInput {
  const { childName, ...rest } = overrides;
  return {
    idempotencyKey: randomUUID(),
    reporter: { kind: "private", anonymous: false, name: "Lena Granne", phone: "070-123 45 67", email: null },
    child: {
      name: childName ?? "Elsa Johansson",
      personalNumber: null,
      birthDate: "2014-03-12",
      address: "Kungsgatan 14, 453 30 Lysekil",
      school: "Gullmarsskolan",
      whereabouts: null,
      protectedIdentity: false,
    },
    guardians: [
      { name: "Anna Johansson", phone: "070-111 11 11", email: null, address: "Kungsgatan 14", knowsAboutReport: "no" },
    ],
    siblings: [{ name: "Olle Johansson", age: 7 }],
    concern: {
      what: "Barnet kommer hungrig till skolan.",
      when: "Sedan jullovet",
      duration: "Två månader",
      ifNothing: "Barnet far illa.",
      childKnows: "unknown",
    },
    interpreterLanguage: null,
    violenceKinds: [],
    ...rest,
  };
}

/** A valid personnummer for a date (Luhn check digit), so a second report finds the same child. */
export function validPersonalNumber(yyyymmdd: string, serial: string): string {
  const digits = `${yyyymmdd.slice(2)}${serial}`;
  const sum = [...digits].reduce((acc, ch, i) => {
    const n = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (n > 9 ? n - 9 : n);
  }, 0);
  return `${yyyymmdd}${serial}${(10 - (sum % 10)) % 10}`;
}

/** A report (and so a case) received at `at`. */
export async function report(db: Db, at: string, overrides: Parameters<typeof intake>[0] = {}) {
  return submitReport(db, intake(overrides), null, new Date(at));
}
