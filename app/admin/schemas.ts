/**
 * The admin forms' schemas: one per form, for the browser and the server. Messages are
 * catalogue keys.
 */
import { z } from "zod";

import { MIN_PASSWORD, passwordField } from "../auth/password-rules";
import { roles } from "../auth/roles";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export { MIN_PASSWORD };

const text = (max: number) =>
  z
    .string({ error: "field.required" })
    .trim()
    .min(1, "field.required")
    .max(max, "field.tooLong")
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "field.invalid");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "field.tooLong")
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "field.invalid")
    .optional()
    .transform((s) => (s ? s : null));
const optionalUuid = z
  .string()
  .optional()
  .refine((s) => !s || uuid.test(s), "field.invalidChoice")
  .transform((s) => (s ? s.toLowerCase() : null));
const password = passwordField();

/**
 * Unit staff and auditors belong to a unit; reporters do not. An organisation (a school, chosen
 * from the admin's list) is a reporter's only.
 */
const unitRule = <T extends { role: (typeof roles)[number]; unitId: string | null; organisationId: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role !== "reporter" && v.organisationId) {
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: "admin.organisationOnlyReporter" });
  }
  if ((v.role === "caseworker" || v.role === "teamLead" || v.role === "auditor") && !v.unitId) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "admin.unitRequired" });
  }
  if (v.role === "reporter" && v.unitId) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "admin.reporterNoUnit" });
  }
};

const userFields = {
  name: text(200),
  role: z.enum(roles, { error: "field.invalidChoice" }),
  unitId: optionalUuid,
  phone: optionalText(50),
  title: optionalText(200),
  organisationId: optionalUuid,
};

export const createUserSchema = z
  .object({
    email: z.string({ error: "field.required" }).trim().min(1, "field.required").max(200, "field.tooLong").email("field.email"),
    password,
    ...userFields,
  })
  .superRefine(unitRule);

export const updateUserSchema = z.object(userFields).superRefine(unitRule);

export const resetPasswordSchema = z.object({ password });

/** A unit: its address and switchboard are printed on every letter it sends, so both are required. */
export const unitSchema = z.object({
  name: text(200),
  municipality: text(200),
  address: text(500),
  phone: text(50),
  officeHours: optionalText(200),
  deputyApproverId: optionalUuid,
});

/** An organisation: its unit is chosen when it is made; its contact once it has accounts. */
export const organisationSchema = z.object({
  name: text(200),
  unitId: optionalUuid,
  contactUserId: optionalUuid,
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type UnitInput = z.output<typeof unitSchema>;
export type OrganisationInput = z.output<typeof organisationSchema>;
