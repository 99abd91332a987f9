/**
 * The forms that change the case's facts: guardians, the violence flag, protected identity,
 * and the proposal and approval of a longer investigation. Each change says why (`reason`).
 * Part of the browser bundle, like command-schemas.ts, which merges these in.
 */
import { z } from "zod";

import { VIOLENCE_KINDS } from "../../workflows/types";
import type { CommandFormContext, CommandInputOf } from "./command-schemas";
import { always, choice, date, optionalText, requiredText, TEXT_LIMITS, ticked } from "./form-parts";

/** Särskilda skäl are written out (the machine checks the same length). */
export const SPECIAL_REASONS_MIN = 20;

const reason = () => requiredText(TEXT_LIMITS.medium);

const guardianOf = (ctx: CommandFormContext) =>
  z
    .string({ error: () => "field.invalidChoice" })
    .refine((id) => ctx.guardians.some((g) => g.id === id), { message: "field.invalidChoice" });

const yesNo = () => choice(["yes", "no"]);

function newGuardianId(): string {
  return globalThis.crypto.randomUUID();
}

export const factSchemas = {
  GUARDIAN_ADDED: () =>
    z
      .object({
        name: requiredText(TEXT_LIMITS.short),
        address: optionalText(TEXT_LIMITS.medium),
        custody: yesNo(),
        confirmed: z.string().optional(),
        reason: reason(),
      })
      .transform(
        (v): CommandInputOf<"GUARDIAN_ADDED"> => ({
          type: "GUARDIAN_ADDED",
          guardianId: newGuardianId(),
          name: v.name,
          address: v.address ?? null,
          custody: v.custody === "yes",
          confirmed: v.confirmed === "yes",
          reason: v.reason,
        }),
      ),

  GUARDIAN_CORRECTED: (ctx: CommandFormContext) =>
    z
      .object({
        guardianId: guardianOf(ctx),
        name: requiredText(TEXT_LIMITS.short),
        address: optionalText(TEXT_LIMITS.medium),
        // "yes" when the form started from the address the case holds (see correctionDefaults).
        addressShown: z.string().optional(),
        custody: yesNo(),
        reason: reason(),
      })
      .transform((v): CommandInputOf<"GUARDIAN_CORRECTED"> => {
        // Only an address the form showed can be erased by emptying it. A withheld address, or
        // one the form did not start from (the guardian chosen from the list), stays unless a
        // new one is typed.
        const withheld = ctx.guardians.find((g) => g.id === v.guardianId)?.addressWithheld === true;
        const erasable = v.addressShown === "yes" && !withheld;
        return {
          type: "GUARDIAN_CORRECTED",
          guardianId: v.guardianId,
          name: v.name,
          ...(v.address === undefined && !erasable ? {} : { address: v.address ?? null }),
          custody: v.custody === "yes",
          reason: v.reason,
        };
      }),

  // The address, or "not known" ticked: one of them, so an empty field never erases it by mistake.
  CHILD_ADDRESS_CORRECTED: () =>
    z
      .object({ address: optionalText(TEXT_LIMITS.medium), addressUnknown: z.string().optional(), reason: reason() })
      .superRefine((v, issue) => {
        const unknown = v.addressUnknown === "yes";
        // Said beside the box to tick: a message above it would move it as the address field is left.
        if (!v.address && !unknown) issue.addIssue({ code: "custom", path: ["addressUnknown"], message: "cases.error.childAddressRequired" });
        if (v.address && unknown) issue.addIssue({ code: "custom", path: ["addressUnknown"], message: "cases.error.childAddressOrUnknown" });
      }, always)
      .transform(
        (v): CommandInputOf<"CHILD_ADDRESS_CORRECTED"> => ({
          type: "CHILD_ADDRESS_CORRECTED",
          address: v.addressUnknown === "yes" ? null : (v.address ?? null),
          reason: v.reason,
        }),
      ),

  GUARDIAN_CONFIRMED: (ctx: CommandFormContext) =>
    z
      .object({ guardianId: guardianOf(ctx), reason: reason() })
      .transform((v): CommandInputOf<"GUARDIAN_CONFIRMED"> => ({ type: "GUARDIAN_CONFIRMED", ...v })),

  GUARDIAN_REMOVED: (ctx: CommandFormContext) =>
    z
      .object({ guardianId: guardianOf(ctx), reason: reason() })
      .transform((v): CommandInputOf<"GUARDIAN_REMOVED"> => ({ type: "GUARDIAN_REMOVED", ...v })),

  GUARDIAN_SUSPECTED: (ctx: CommandFormContext) =>
    z
      .object({ guardianId: guardianOf(ctx), suspected: yesNo(), reason: reason() })
      .transform(
        (v): CommandInputOf<"GUARDIAN_SUSPECTED"> => ({
          type: "GUARDIAN_SUSPECTED",
          guardianId: v.guardianId,
          suspected: v.suspected === "yes",
          reason: v.reason,
        }),
      ),

  VIOLENCE_FLAG_SET: () =>
    z
      .object({
        kinds: ticked(() => VIOLENCE_KINDS).refine((l) => l.length > 0, { message: "cases.error.violenceKindRequired" }),
        reason: reason(),
      })
      .transform((v): CommandInputOf<"VIOLENCE_FLAG_SET"> => ({ type: "VIOLENCE_FLAG_SET", kinds: v.kinds, reason: v.reason })),

  VIOLENCE_FLAG_CLEARED: () =>
    z
      .object({ reason: reason() })
      .transform((v): CommandInputOf<"VIOLENCE_FLAG_CLEARED"> => ({ type: "VIOLENCE_FLAG_CLEARED", reason: v.reason })),

  PROTECTED_IDENTITY_SET: (ctx: CommandFormContext) =>
    z
      .object({
        person: z
          .string({ error: () => "field.invalidChoice" })
          .refine((p) => p === "child" || ctx.guardians.some((g) => g.id === p), { message: "field.invalidChoice" }),
        protectedIdentity: yesNo(),
        reason: reason(),
      })
      .transform(
        (v): CommandInputOf<"PROTECTED_IDENTITY_SET"> => ({
          type: "PROTECTED_IDENTITY_SET",
          person: v.person,
          protectedIdentity: v.protectedIdentity === "yes",
          reason: v.reason,
        }),
      ),

  INVESTIGATION_EXTENSION_PROPOSED: (ctx: CommandFormContext) =>
    z
      .object({
        until: date().refine((d) => !ctx.extendable.investigation || d > ctx.extendable.investigation, {
          message: `cases.error.extensionNotLater|date=${ctx.extendable.investigation ?? ""}`,
        }),
        reason: requiredText(TEXT_LIMITS.long).refine((r) => r.length >= SPECIAL_REASONS_MIN, {
          message: `cases.error.specialReasonsTooShort|min=${SPECIAL_REASONS_MIN}`,
        }),
      })
      .transform(
        (v): CommandInputOf<"INVESTIGATION_EXTENSION_PROPOSED"> => ({
          type: "INVESTIGATION_EXTENSION_PROPOSED",
          until: v.until,
          reason: v.reason,
        }),
      ),

  INVESTIGATION_EXTENSION_APPROVED: () =>
    z
      .object({})
      .transform((): CommandInputOf<"INVESTIGATION_EXTENSION_APPROVED"> => ({ type: "INVESTIGATION_EXTENSION_APPROVED" })),
};
