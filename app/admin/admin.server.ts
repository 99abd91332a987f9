/**
 * The administrators' work (/admin): users, units and organisations. Admins never see a case's contents:
 * nothing here reads cases, reports, events or letters. Every change is written, in the
 * same transaction, to admin_log (who, when, what — never a password).
 */
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";

import type { Db, Queryable } from "../../db/client";
import { adminLog, organisations, sessions, units, users } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import type { Role } from "../auth/roles";
import type { SessionUser } from "../auth/session.server";
import { isUuid } from "../cases/inbox-filters";
import type { CreateUserInput, OrganisationInput, UnitInput, UpdateUserInput } from "./schemas";

export type AdminUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  phone: string | null;
  title: string | null;
  /** Reporters: the organisation their account belongs to. */
  organisationId: string | null;
  organisationName: string | null;
  active: boolean;
};

export type AdminUnit = {
  id: string;
  name: string;
  municipality: string;
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  deputyApproverId: string | null;
  deputyApproverName: string | null;
};

export type AdminLogEntry = { id: number; at: string; actorName: string; action: string; targetUserName: string | null; targetUnitName: string | null; detail: Record<string, unknown> };

/** A refused change: which field (if any) and the catalogue key of the message. */
export type AdminOutcome = { ok: true; id: string } | { ok: false; status: 400 | 403 | 404 | 409; field?: string; message: string };

const forbidden = { ok: false, status: 403, message: "error.forbidden" } as const;
const notFound = { ok: false, status: 404, message: "error.notFound" } as const;

async function writeLog(
  tx: Queryable,
  admin: SessionUser,
  entry: { action: string; targetUserId?: string | null; targetUnitId?: string | null; detail: Record<string, unknown> },
  now: Date,
) {
  await tx.insert(adminLog).values({
    actorId: admin.id,
    actorName: admin.name,
    action: entry.action,
    targetUserId: entry.targetUserId ?? null,
    targetUnitId: entry.targetUnitId ?? null,
    detail: entry.detail,
    at: now,
  });
}

/** What changed between two records, as {field: [before, after]}. */
function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && before[k] !== v) out[k] = [before[k] ?? null, v];
  }
  return out;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  phone: users.phone,
  title: users.title,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  active: users.active,
};

export async function listUsers(db: Db, admin: SessionUser): Promise<AdminUser[] | null> {
  if (admin.role !== "admin") return null;
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.name));
}

export async function getUser(db: Db, admin: SessionUser, userId: string): Promise<AdminUser | null> {
  if (admin.role !== "admin" || !isUuid(userId)) return null;
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function listUnits(db: Db, admin: SessionUser): Promise<AdminUnit[] | null> {
  if (admin.role !== "admin") return null;
  return db
    .select({
      id: units.id,
      name: units.name,
      municipality: units.municipality,
      address: units.address,
      phone: units.phone,
      officeHours: units.officeHours,
      deputyApproverId: units.deputyApproverId,
      deputyApproverName: users.name,
    })
    .from(units)
    .leftJoin(users, eq(users.id, units.deputyApproverId))
    .orderBy(asc(units.name));
}

export async function listAdminLog(db: Db, admin: SessionUser, limit = 200): Promise<AdminLogEntry[] | null> {
  if (admin.role !== "admin") return null;
  const target = users;
  const rows = await db
    .select({
      id: adminLog.id,
      at: adminLog.at,
      actorName: adminLog.actorName,
      action: adminLog.action,
      targetUserName: target.name,
      targetUnitName: units.name,
      detail: adminLog.detail,
    })
    .from(adminLog)
    .leftJoin(target, eq(target.id, adminLog.targetUserId))
    .leftJoin(units, eq(units.id, adminLog.targetUnitId))
    .orderBy(desc(adminLog.at), desc(adminLog.id))
    .limit(limit);
  // Ids in the details (a unit, a deputy approver, an organisation, its contact) are shown by name.
  const [unitNames, userNames, organisationNames] = await Promise.all([
    db.select({ id: units.id, name: units.name }).from(units),
    db.select({ id: users.id, name: users.name }).from(users),
    db.select({ id: organisations.id, name: organisations.name }).from(organisations),
  ]);
  const names = new Map([...unitNames, ...userNames, ...organisationNames].map((r) => [r.id, r.name]));
  const named = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(named) : typeof v === "string" && names.has(v) ? names.get(v) : v;
  return rows.map((r) => ({
    ...r,
    at: r.at.toISOString(),
    detail: Object.fromEntries(Object.entries(r.detail).map(([k, v]) => [k, named(v)])),
  }));
}

async function unitExists(db: Queryable, unitId: string | null): Promise<boolean> {
  if (!unitId) return true;
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  return !!row;
}

async function organisationExists(db: Queryable, organisationId: string | null): Promise<boolean> {
  if (!organisationId) return true;
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
  return !!row;
}

export async function createUser(db: Db, admin: SessionUser, input: CreateUserInput, now: Date = new Date()): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  if (!(await unitExists(db, input.unitId))) return { ok: false, status: 400, field: "unitId", message: "field.invalidChoice" };
  if (!(await organisationExists(db, input.organisationId))) return { ok: false, status: 400, field: "organisationId", message: "field.invalidChoice" };
  const email = input.email.toLowerCase();
  // Hash outside the transaction: argon2 takes a while and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: input.name,
        role: input.role,
        unitId: input.unitId,
        phone: input.phone,
        title: input.title,
        organisationId: input.organisationId,
        passwordHash,
        // The admin chose it: the user chooses their own at their first sign-in.
        passwordChangeRequired: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) return { ok: false, status: 409, field: "email", message: "admin.emailTaken" } as const;
    await writeLog(
      tx,
      admin,
      {
        action: "userCreated",
        targetUserId: row.id,
        detail: {
          email,
          name: input.name,
          role: input.role,
          unitId: input.unitId,
          organisationId: input.organisationId,
        },
      },
      now,
    );
    return { ok: true, id: row.id } as const;
  });
}

export async function updateUser(db: Db, admin: SessionUser, userId: string, input: UpdateUserInput, now: Date = new Date()): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  const before = await getUser(db, admin, userId);
  if (!before) return notFound;
  // An admin cannot take away their own access (there must always be someone to give it back).
  if (userId === admin.id && input.role !== "admin") return { ok: false, status: 400, field: "role", message: "admin.notSelf" };
  if (!(await unitExists(db, input.unitId))) return { ok: false, status: 400, field: "unitId", message: "field.invalidChoice" };
  if (!(await organisationExists(db, input.organisationId))) return { ok: false, status: 400, field: "organisationId", message: "field.invalidChoice" };
  const diff = changes(before as unknown as Record<string, unknown>, input);
  if (Object.keys(diff).length === 0) return { ok: true, id: userId };
  return db.transaction(async (tx) => {
    await tx.update(users).set(input).where(eq(users.id, userId));
    // A new role or unit means new rights: sessions begun under the old ones end.
    if (diff.role || diff.unitId) await tx.delete(sessions).where(eq(sessions.userId, userId));
    // A deputy approver who leaves the unit or its staff roles is no longer the deputy.
    if (diff.role || diff.unitId) {
      await tx
        .update(units)
        .set({ deputyApproverId: null })
        .where(
          and(
            eq(units.deputyApproverId, userId),
            input.unitId && (input.role === "teamLead" || input.role === "caseworker") ? ne(units.id, input.unitId) : undefined,
          ),
        );
    }
    // A contact who leaves the organisation (or the reporters) is no longer its contact.
    if (diff.role || diff.organisationId) {
      await tx
        .update(organisations)
        .set({ contactUserId: null })
        .where(
          and(
            eq(organisations.contactUserId, userId),
            input.organisationId && input.role === "reporter" ? ne(organisations.id, input.organisationId) : undefined,
          ),
        );
    }
    await writeLog(tx, admin, { action: "userUpdated", targetUserId: userId, detail: diff }, now);
    return { ok: true, id: userId } as const;
  });
}

export async function resetPassword(db: Db, admin: SessionUser, userId: string, password: string, now: Date = new Date()): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  const target = await getUser(db, admin, userId);
  if (!target) return notFound;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangeRequired: true }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await writeLog(tx, admin, { action: "passwordReset", targetUserId: userId, detail: {} }, now);
    return { ok: true, id: userId } as const;
  });
}

/** Deactivates (or reactivates) an account. Deactivation ends every session at once. */
export async function setActive(db: Db, admin: SessionUser, userId: string, active: boolean, now: Date = new Date()): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  const target = await getUser(db, admin, userId);
  if (!target) return notFound;
  if (userId === admin.id) return { ok: false, status: 400, message: "admin.notSelf" };
  if (target.active === active) return { ok: true, id: userId };
  return db.transaction(async (tx) => {
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    if (!active) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await tx.update(units).set({ deputyApproverId: null }).where(eq(units.deputyApproverId, userId));
      await tx.update(organisations).set({ contactUserId: null }).where(eq(organisations.contactUserId, userId));
    }
    await writeLog(tx, admin, { action: active ? "userReactivated" : "userDeactivated", targetUserId: userId, detail: {} }, now);
    return { ok: true, id: userId } as const;
  });
}

/** The deputy approver must be an active caseworker or team lead of the unit itself. */
async function validDeputy(db: Queryable, unitId: string | null, deputyId: string | null): Promise<boolean> {
  if (!deputyId) return true;
  if (!unitId) return false;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, deputyId), eq(users.unitId, unitId), eq(users.active, true), inArray(users.role, ["caseworker", "teamLead"])));
  return !!row;
}

export async function saveUnit(db: Db, admin: SessionUser, unitId: string | null, input: UnitInput, now: Date = new Date()): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  if (unitId !== null && !isUuid(unitId)) return notFound;
  if (unitId === null && input.deputyApproverId) return { ok: false, status: 400, field: "deputyApproverId", message: "admin.deputyInvalid" };
  if (!(await validDeputy(db, unitId, input.deputyApproverId))) {
    return { ok: false, status: 400, field: "deputyApproverId", message: "admin.deputyInvalid" };
  }
  return db.transaction(async (tx) => {
    if (unitId === null) {
      const [row] = await tx.insert(units).values(input).onConflictDoNothing().returning({ id: units.id });
      if (!row) return { ok: false, status: 409, field: "name", message: "admin.unitNameTaken" } as const;
      await writeLog(tx, admin, { action: "unitCreated", targetUnitId: row.id, detail: { ...input } }, now);
      return { ok: true, id: row.id } as const;
    }
    const [before] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!before) return notFound;
    const diff = changes(before as unknown as Record<string, unknown>, input);
    if (Object.keys(diff).length === 0) return { ok: true, id: unitId } as const;
    if (diff.name) {
      const [clash] = await tx.select({ id: units.id }).from(units).where(and(eq(units.name, input.name), ne(units.id, unitId)));
      if (clash) return { ok: false, status: 409, field: "name", message: "admin.unitNameTaken" } as const;
    }
    await tx.update(units).set(input).where(eq(units.id, unitId));
    await writeLog(tx, admin, { action: "unitUpdated", targetUnitId: unitId, detail: diff }, now);
    return { ok: true, id: unitId } as const;
  });
}

/** The staff an admin may name as a unit's deputy approver. */
export async function deputyCandidates(db: Db, admin: SessionUser, unitId: string): Promise<{ id: string; name: string }[]> {
  if (admin.role !== "admin" || !isUuid(unitId)) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true), inArray(users.role, ["caseworker", "teamLead"])))
    .orderBy(asc(users.name));
}

export type AdminOrganisation = {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  contactUserId: string | null;
  contactName: string | null;
};

export async function listOrganisations(db: Db, admin: SessionUser): Promise<AdminOrganisation[] | null> {
  if (admin.role !== "admin") return null;
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      unitId: organisations.unitId,
      unitName: units.name,
      contactUserId: organisations.contactUserId,
      contactName: users.name,
    })
    .from(organisations)
    .innerJoin(units, eq(units.id, organisations.unitId))
    .leftJoin(users, eq(users.id, organisations.contactUserId))
    .orderBy(asc(organisations.name), asc(units.name));
}

/** The accounts an admin may name as an organisation's designated contact: its active reporters. */
export async function contactCandidates(db: Queryable, admin: SessionUser, organisationId: string): Promise<{ id: string; name: string }[]> {
  if (admin.role !== "admin" || !isUuid(organisationId)) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, "reporter"), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/**
 * Creates or changes an organisation. Its unit is chosen when it is made; its name is unique
 * within the unit; its designated contact, who sees every report made from it, must be one of
 * its active reporter accounts. Logged in the same transaction.
 */
export async function saveOrganisation(
  db: Db,
  admin: SessionUser,
  organisationId: string | null,
  input: OrganisationInput,
  now: Date = new Date(),
): Promise<AdminOutcome> {
  if (admin.role !== "admin") return forbidden;
  if (organisationId !== null && !isUuid(organisationId)) return notFound;
  return db.transaction(async (tx) => {
    if (organisationId === null) {
      if (!input.unitId) return { ok: false, status: 400, field: "unitId", message: "admin.unitRequired" } as const;
      if (!(await unitExists(tx, input.unitId))) return { ok: false, status: 400, field: "unitId", message: "field.invalidChoice" } as const;
      if (input.contactUserId) return { ok: false, status: 400, field: "contactUserId", message: "admin.contactInvalid" } as const;
      const [row] = await tx
        .insert(organisations)
        .values({ name: input.name, unitId: input.unitId })
        .onConflictDoNothing()
        .returning({ id: organisations.id });
      if (!row) return { ok: false, status: 409, field: "name", message: "admin.organisationNameTaken" } as const;
      await writeLog(tx, admin, { action: "organisationCreated", targetUnitId: input.unitId, detail: { organisationId: row.id, name: input.name } }, now);
      return { ok: true, id: row.id } as const;
    }
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!before) return notFound;
    if (input.contactUserId && !(await contactCandidates(tx, admin, organisationId)).some((c) => c.id === input.contactUserId)) {
      return { ok: false, status: 400, field: "contactUserId", message: "admin.contactInvalid" } as const;
    }
    const diff = changes(before as unknown as Record<string, unknown>, { name: input.name, contactUserId: input.contactUserId });
    if (Object.keys(diff).length === 0) return { ok: true, id: organisationId } as const;
    if (diff.name) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.unitId, before.unitId), eq(organisations.name, input.name), ne(organisations.id, organisationId)));
      if (clash) return { ok: false, status: 409, field: "name", message: "admin.organisationNameTaken" } as const;
    }
    await tx.update(organisations).set({ name: input.name, contactUserId: input.contactUserId }).where(eq(organisations.id, organisationId));
    await writeLog(tx, admin, { action: "organisationUpdated", targetUnitId: before.unitId, detail: { organisationId, ...diff } }, now);
    return { ok: true, id: organisationId } as const;
  });
}
