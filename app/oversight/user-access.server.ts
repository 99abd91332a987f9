/** The access log per user, for auditors: whom they may look up and what each opened. */
import { and, eq, inArray } from "drizzle-orm";

import type { Db } from "../../db/client";
import { units, users } from "../../db/schema";
import type { Role } from "../auth/roles";
import type { SessionUser } from "../auth/session.server";
import { isUuid } from "../cases/inbox-filters";
import { logAccess, userAccessLog, type AccessEntry } from "./access-log.server";
import { defaultPeriod, parsePeriod, type Period } from "./period";
import { auditorUnitIds } from "./scope.server";

export type AuditedUser = { id: string; name: string; email: string; role: Role; unitName: string | null; active: boolean };

const columns = { id: users.id, name: users.name, email: users.email, role: users.role, unitName: units.name, active: users.active };

/** Everyone with a unit in the auditor's municipality (the people whose reads are logged). */
export async function listAuditedUsers(db: Db, auditor: SessionUser): Promise<AuditedUser[] | null> {
  if (auditor.role !== "auditor") return null;
  const unitIds = await auditorUnitIds(db, auditor);
  if (unitIds.length === 0) return [];
  return db.select(columns).from(users).innerJoin(units, eq(units.id, users.unitId)).where(inArray(users.unitId, unitIds)).orderBy(users.name);
}

export type UserAccessPage = {
  user: AuditedUser;
  period: Period;
  periodError: string | null;
  entries: AccessEntry[];
  truncated: boolean;
};

/** What one user opened in a period (default: the last 30 days). The look-up is logged. */
export async function loadUserAccess(db: Db, auditor: SessionUser, userId: string, url: URL, now: Date = new Date()): Promise<UserAccessPage | null> {
  if (auditor.role !== "auditor" || !isUuid(userId)) return null;
  const unitIds = await auditorUnitIds(db, auditor);
  if (unitIds.length === 0) return null;
  const [user] = await db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, userId), inArray(users.unitId, unitIds)));
  if (!user) return null;
  const params = url.searchParams;
  const asked = params.has("from") || params.has("to") ? parsePeriod(params.get("from"), params.get("to")) : null;
  const period = asked?.ok ? asked.period : defaultPeriod(now, 30);
  await logAccess(db, auditor, { caseId: null, action: "accessLog", detail: `user ${user.email} ${period.from}–${period.to}` }, now);
  const { entries, truncated } = await userAccessLog(db, user.id, period);
  return { user, period, periodError: asked && !asked.ok ? asked.error : null, entries, truncated };
}
