import { eq } from "drizzle-orm";

import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { submitReport } from "../intake/submit.server";
import type { IntakeInput } from "../intake/types";
import { demoReports } from "./reports";

/**
 * About twenty demo cases, each reached by submitting real reports and applying real events
 * through the statechart — never by writing a state directly.
 */
export async function seedDemoCases(db: Db, now: Date): Promise<number> {
  const [school] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, "skola@demo.varna.se"));
  const caseIds = new Set<string>();
  for (const [i, demo] of demoReports.entries()) {
    const receivedAt = new Date(now.getTime() - demo.daysAgo * 24 * 60 * 60 * 1000 - (i % 5) * 37 * 60 * 1000);
    const input: IntakeInput = { ...demo.input, idempotencyKey: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` };
    const submitter = demo.fromSchool && school ? { userId: school.id, name: school.name } : null;
    const result = await submitReport(db, input, submitter, receivedAt);
    caseIds.add(result.caseId);
  }
  return caseIds.size;
}
