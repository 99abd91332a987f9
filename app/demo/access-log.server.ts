/**
 * Demo reads for the log review (loggkontroll): a few days of ordinary reads of the demo
 * cases, and among them the unusual ones an auditor should look at — a caseworker opening
 * a colleague's case, a read late in the evening, many cases opened in a few minutes, a
 * reader from another unit, a child with protected identity.
 */

import { TZDate } from "@date-fns/tz";
import { and, eq, isNotNull, sql } from "drizzle-orm";

import type { Db } from "../../db/client";
import { accessLog, cases, children, units, users } from "../../db/schema";
import { addCalendarDays, stockholmDate } from "../../workflows/deadlines";
import { submitReport } from "../intake/submit.server";
import { DEFAULT_UNIT } from "../units.server";

export const OTHER_UNIT = { name: "Ekonomiskt bistånd, Lysekil", municipality: DEFAULT_UNIT.municipality, address: "453 80 Lysekil", phone: "0523-61 30 00", officeHours: "Vardagar 08–16" };
const OTHER_READER = { email: "ekonomi@demo.varna.se", name: "Lars Nyberg", role: "caseworker" as const, title: "Socialsekreterare, ekonomiskt bistånd" };

/** The `n`th weekday before today (Stockholm), as YYYY-MM-DD. */
function weekdayBefore(now: Date, n: number): string {
  let date = stockholmDate(now);
  let found = 0;
  while (found < n) {
    date = addCalendarDays(date, -1);
    const day = new TZDate(`${date}T12:00:00`, "Europe/Stockholm").getDay();
    if (day !== 0 && day !== 6) found++;
  }
  return date;
}

function at(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, "Europe/Stockholm").getTime());
}

/** `unknownPasswordHash`: the colleague's, a hash of a password nobody knows. */
export async function seedDemoAccessLog(db: Db, now: Date, unknownPasswordHash: string): Promise<void> {
  const staff = await db.select().from(users);
  const who = (email: string) => {
    const u = staff.find((s) => s.email === email);
    if (!u) throw new Error(`demo user ${email} missing`);
    return u;
  };
  const sara = who("handlaggare@demo.varna.se");
  const johan = who("handlaggare2@demo.varna.se");
  const maria = who("arbetsledare@demo.varna.se");

  // A colleague in another unit of the municipality, who cannot sign in (no known password).
  const [otherUnit] = await db.insert(units).values(OTHER_UNIT).onConflictDoNothing().returning({ id: units.id });
  const otherUnitId = otherUnit?.id ?? (await db.select({ id: units.id }).from(units).where(eq(units.name, OTHER_UNIT.name)))[0]!.id;
  const [lars] = await db
    .insert(users)
    .values({ ...OTHER_READER, unitId: otherUnitId, phone: null, passwordHash: unknownPasswordHash })
    .onConflictDoNothing()
    .returning();

  // A child with protected identity (skyddade personuppgifter), reported by the school.
  const protectedCase = await submitReport(
    db,
    {
      idempotencyKey: "00000000-0000-4000-8000-0000000acce5",
      reporter: { kind: "mandated", name: "Karin Ek", organisation: "Gullmarsskolan", title: "Skolkurator", phone: "0523-61 35 40", email: "skola@demo.varna.se", sector: "school" },
      child: {
        name: "Nora Skyddad",
        personalNumber: null,
        birthDate: "2013-09-02",
        address: "Uppgift skyddad",
        school: "Gullmarsskolan",
        whereabouts: "I skolan",
        protectedIdentity: true,
      },
      guardians: [],
      siblings: [],
      concern: { what: "Eleven är ofta trött och hungrig och säger att hon inte vill gå hem.", when: "Denna vecka", duration: "Några veckor", ifNothing: null, childKnows: "no" },
      interpreterLanguage: null,
      violenceKinds: [],
    },
    { userId: who("skola@demo.varna.se").id, name: "Karin Ek" },
    at(weekdayBefore(now, 6), 9, 5),
  );

  const demoCases = await db
    .select({ id: cases.id, assigneeId: cases.assigneeId, child: children.name })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    // Ordinary reads are of ordinary cases: none with protected identity.
    .where(
      and(
        isNotNull(cases.assigneeId),
        eq(children.protectedIdentity, false),
        sql`coalesce(${cases.snapshot} #>> '{context,flags,protectedIdentity}', 'false') <> 'true'`,
      ),
    )
    .orderBy(cases.receivedAt);
  const saras = demoCases.filter((c) => c.assigneeId === sara.id);
  const johans = demoCases.filter((c) => c.assigneeId === johan.id);
  if (saras.length < 2 || johans.length < 1) return;

  const rows: { userId: string; caseId: string; action: string; detail?: string; at: Date }[] = [];
  const day = (n: number) => weekdayBefore(now, n);
  // Ordinary reads in office hours, a few minutes apart: each caseworker their own cases,
  // the team lead any of the unit's.
  const spread = (i: number): [number, number] => [9 + Math.floor((i * 20) / 60), (i * 20) % 60];
  for (const [i, c] of saras.entries()) rows.push({ userId: sara.id, caseId: c.id, action: "view", at: at(day(5), ...spread(i)) });
  for (const [i, c] of johans.entries()) rows.push({ userId: johan.id, caseId: c.id, action: "view", at: at(day(6), ...spread(i)) });
  for (const [i, c] of demoCases.slice(0, 4).entries()) rows.push({ userId: maria.id, caseId: c.id, action: "view", at: at(day(4), 10, 5 * i) });

  // Unusual: Johan opens a case assigned to Sara.
  rows.push({ userId: johan.id, caseId: saras[0]!.id, action: "view", at: at(day(4), 11, 42) });
  // Unusual: Sara reads her own case at 22:40.
  rows.push({ userId: sara.id, caseId: saras[1]!.id, action: "view", at: at(day(3), 22, 40) });
  // Unusual: Maria opens ten cases in six minutes.
  for (const [i, c] of demoCases.slice(0, 10).entries()) {
    rows.push({ userId: maria.id, caseId: c.id, action: "view", at: at(day(2), 14, Math.floor(i * 0.6)) });
  }
  // Unusual: a caseworker of another unit opens a case of Barn och unga.
  if (lars) rows.push({ userId: lars.id, caseId: johans[0]!.id, action: "view", at: at(day(2), 9, 31) });
  // Unusual: the protected child's case is opened.
  rows.push({ userId: maria.id, caseId: protectedCase.caseId, action: "view", at: at(day(1), 8, 15) });

  await db.insert(accessLog).values(rows);
}
