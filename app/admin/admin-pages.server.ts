/**
 * The admin pages without HTTP: what they show and what their forms do. Each form names
 * itself with `intent`; bad input comes back as field errors (catalogue keys), nothing stored.
 */
import type { z } from "zod";

import type { Db } from "../../db/client";
import type { SessionUser } from "../auth/session.server";
import {
  contactCandidates,
  createUser,
  deputyCandidates,
  getUser,
  listAdminLog,
  listOrganisations,
  listUnits,
  listUsers,
  resetPassword,
  saveOrganisation,
  saveUnit,
  setActive,
  updateUser,
  type AdminOutcome,
} from "./admin.server";
import { createUserSchema, organisationSchema, resetPasswordSchema, unitSchema, updateUserSchema } from "./schemas";

export type AdminFormData = {
  intent: string;
  fieldErrors: Record<string, string>;
  message: string | null;
  /** What was typed (never passwords), to fill the form again. */
  values: Record<string, string>;
};

export type AdminActionOutcome =
  | { ok: true; intent: string; id: string }
  | { ok: false; status: 400 | 403 | 404 | 409; data: AdminFormData };

function fields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? (form.get(n) as string) : ""]));
}

function fail(intent: string, status: 400 | 403 | 404 | 409, values: Record<string, string>, message: string | null, fieldErrors: Record<string, string> = {}): AdminActionOutcome {
  const { password: _omit, ...safe } = values;
  return { ok: false, status, data: { intent, fieldErrors, message, values: safe } };
}

function issues(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}

function fromOutcome(intent: string, values: Record<string, string>, outcome: AdminOutcome): AdminActionOutcome {
  if (outcome.ok) return { ok: true, intent, id: outcome.id };
  return fail(intent, outcome.status, values, outcome.field ? "admin.fixErrors" : outcome.message, outcome.field ? { [outcome.field]: outcome.message } : {});
}

const USER_FIELDS = ["email", "name", "role", "unitId", "phone", "title", "organisationId", "password"] as const;
const ORGANISATION_FIELDS = ["name", "unitId", "contactUserId"] as const;
const UNIT_FIELDS = ["name", "municipality", "address", "phone", "officeHours", "deputyApproverId"] as const;

/** The organisations as the user form offers them: "name (unit)", the unit telling same names apart. */
async function organisationChoices(db: Db, admin: SessionUser) {
  return ((await listOrganisations(db, admin)) ?? []).map((o) => ({ id: o.id, name: `${o.name} (${o.unitName})` }));
}

export async function loadAdminHome(db: Db, admin: SessionUser) {
  const [users, units, organisations] = await Promise.all([listUsers(db, admin), listUnits(db, admin), organisationChoices(db, admin)]);
  if (!users || !units) return null;
  return { users, units: units.map(({ id, name }) => ({ id, name })), unitDetails: units, organisations };
}

/** POST /admin: create a user. */
export async function performAdminHomeAction(db: Db, admin: SessionUser, form: FormData): Promise<AdminActionOutcome> {
  const values = fields(form, USER_FIELDS);
  const parsed = createUserSchema.safeParse(values);
  if (!parsed.success) return fail("createUser", 400, values, "admin.fixErrors", issues(parsed.error));
  return fromOutcome("createUser", values, await createUser(db, admin, parsed.data));
}

export async function loadAdminUser(db: Db, admin: SessionUser, userId: string) {
  const [user, units, organisations] = await Promise.all([getUser(db, admin, userId), listUnits(db, admin), organisationChoices(db, admin)]);
  if (!user || !units) return null;
  return { user, units: units.map(({ id, name }) => ({ id, name })), organisations, self: user.id === admin.id };
}

/** POST /admin/anvandare/:id: update, reset password, deactivate or reactivate. */
export async function performAdminUserAction(db: Db, admin: SessionUser, userId: string, form: FormData): Promise<AdminActionOutcome> {
  const intent = String(form.get("intent") ?? "");
  const values = fields(form, USER_FIELDS);
  switch (intent) {
    case "update": {
      const parsed = updateUserSchema.safeParse(values);
      if (!parsed.success) return fail(intent, 400, values, "admin.fixErrors", issues(parsed.error));
      return fromOutcome(intent, values, await updateUser(db, admin, userId, parsed.data));
    }
    case "resetPassword": {
      const parsed = resetPasswordSchema.safeParse(values);
      if (!parsed.success) return fail(intent, 400, values, "admin.fixErrors", issues(parsed.error));
      return fromOutcome(intent, values, await resetPassword(db, admin, userId, parsed.data.password));
    }
    case "deactivate":
    case "reactivate":
      return fromOutcome(intent, values, await setActive(db, admin, userId, intent === "reactivate"));
    default:
      return fail(intent, 400, values, "admin.unknownAction");
  }
}

export async function loadAdminUnit(db: Db, admin: SessionUser, unitId: string | null) {
  const units = await listUnits(db, admin);
  if (!units) return null;
  if (unitId === null) return { unit: null, candidates: [] };
  const unit = units.find((u) => u.id === unitId);
  if (!unit) return null;
  return { unit, candidates: await deputyCandidates(db, admin, unit.id) };
}

/** POST /admin/enheter/:id (or /admin/enheter/ny): save the unit. */
export async function performAdminUnitAction(db: Db, admin: SessionUser, unitId: string | null, form: FormData): Promise<AdminActionOutcome> {
  const values = fields(form, UNIT_FIELDS);
  const parsed = unitSchema.safeParse(values);
  if (!parsed.success) return fail("saveUnit", 400, values, "admin.fixErrors", issues(parsed.error));
  return fromOutcome("saveUnit", values, await saveUnit(db, admin, unitId, parsed.data));
}

export async function loadAdminOrganisations(db: Db, admin: SessionUser) {
  return listOrganisations(db, admin);
}

export async function loadAdminOrganisation(db: Db, admin: SessionUser, organisationId: string | null) {
  const [organisations, units] = await Promise.all([listOrganisations(db, admin), listUnits(db, admin)]);
  if (!organisations || !units) return null;
  const unitChoices = units.map(({ id, name }) => ({ id, name }));
  if (organisationId === null) return { organisation: null, candidates: [], units: unitChoices };
  const organisation = organisations.find((o) => o.id === organisationId);
  if (!organisation) return null;
  return { organisation, candidates: await contactCandidates(db, admin, organisation.id), units: unitChoices };
}

/** POST /admin/organisationer/:id (or /admin/organisationer/ny): save the organisation. */
export async function performAdminOrganisationAction(db: Db, admin: SessionUser, organisationId: string | null, form: FormData): Promise<AdminActionOutcome> {
  const values = fields(form, ORGANISATION_FIELDS);
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return fail("saveOrganisation", 400, values, "admin.fixErrors", issues(parsed.error));
  return fromOutcome("saveOrganisation", values, await saveOrganisation(db, admin, organisationId, parsed.data));
}

export { listAdminLog };
