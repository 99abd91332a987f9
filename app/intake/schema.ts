/**
 * The one schema of the concern-report form (orosanmälan), used by the browser (conform's
 * onValidate) and by the server (the route's action). It reads the form's flat field names
 * and outputs exactly `IntakeInput`. Every error message is a message-catalogue key
 * (`field.*`, `form.*`, `intake.*`); the UI translates it, so one schema serves every locale.
 *
 * No server imports here: this module is part of the browser bundle.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

import { REPORTER_SECTORS, type ReporterSector } from "../../db/reporter-category";
import { parsePersonalNumber, stockholmIsoDate, type PersonalNumberResult } from "./personal-number";
import {
  violenceKinds,
  type IntakeInput,
  type ReporterInput,
  type ViolenceKind,
  type ViolenceResponse,
} from "./types";

const LIMIT = {
  name: 200,
  short: 500,
  long: 10_000,
  phone: 40,
  email: 254,
  personalNumber: 20,
  date: 10,
  language: 100,
} as const;

/** Maximum length (after trimming) of each text field; `field.tooLong` takes `{max}` from here. */
export const MAX_LENGTHS = {
  reporterName: LIMIT.name,
  reporterOrganisation: LIMIT.name,
  reporterTitle: LIMIT.name,
  reporterRelation: LIMIT.name,
  reporterPhone: LIMIT.phone,
  reporterEmail: LIMIT.email,
  childName: LIMIT.name,
  childPersonalNumber: LIMIT.personalNumber,
  childBirthDate: LIMIT.date,
  childAddress: LIMIT.short,
  childSchool: LIMIT.short,
  childWhereabouts: LIMIT.short,
  childLivesWith: LIMIT.short,
  guardian1Name: LIMIT.name,
  guardian1Phone: LIMIT.phone,
  guardian1Email: LIMIT.email,
  guardian1Address: LIMIT.short,
  guardian2Name: LIMIT.name,
  guardian2Phone: LIMIT.phone,
  guardian2Email: LIMIT.email,
  guardian2Address: LIMIT.short,
  sibling1Name: LIMIT.name,
  sibling2Name: LIMIT.name,
  sibling3Name: LIMIT.name,
  sibling4Name: LIMIT.name,
  concernWhat: LIMIT.long,
  concernWhen: LIMIT.short,
  concernDuration: LIMIT.short,
  concernIfNothing: LIMIT.long,
  childView: LIMIT.long,
  interpreterLanguage: LIMIT.language,
} as const;

export const guardianSlots = [1, 2] as const;
export const siblingSlots = [1, 2, 3, 4] as const;
export const answerValues = ["yes", "no", "unknown"] as const;
export const reporterKinds = ["private", "mandated"] as const;
/** "Typ av verksamhet": what a mandated reporter's organisation is, in the order the form lists them. */
export const reporterSectors = REPORTER_SECTORS;
/** The violence question's checkboxes: the three kinds, "no", or "don't know" — no and don't know kept apart. */
export const violenceAnswers = [...violenceKinds, "no", "unknown"] as const;
export const HONEYPOT_FIELD = "website";

// Control characters other than \t, \n and \r (C0, DEL and C1).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9\s()\-–]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isPhone = (s: string) => {
  const digits = s.replace(/\D/g, "").length;
  return PHONE.test(s) && digits >= 6 && digits <= 15;
};

const isCalendarDate = (s: string) => {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

/** Missing → "fill in"; an array, a file or an object where a string belongs → "invalid". */
const typeError = (issue: { input?: unknown }) =>
  issue.input === undefined ? "field.required" : "field.invalid";

function text(max: number) {
  return z
    .string({ error: typeError })
    .refine((s) => !CONTROL_CHARS.test(s), "field.controlChars")
    .trim()
    .max(max, "field.tooLong");
}

const requiredText = (max: number) => text(max).min(1, "field.required");

/** Blank or missing → null. */
function optionalText(max: number, format?: { test: (s: string) => boolean; message: string }) {
  const base = format ? text(max).refine((s) => s === "" || format.test(s), format.message) : text(max);
  return base.optional().transform((s) => (s ? s : null));
}

const email = () => optionalText(LIMIT.email, { test: (s) => EMAIL.test(s), message: "field.email" });
const phone = () => optionalText(LIMIT.phone, { test: isPhone, message: "field.phone" });

/** An unchecked checkbox sends nothing; a checked one sends "on". */
const checkbox = () =>
  z
    .literal("on", { error: "field.invalidChoice" })
    .optional()
    .transform((v) => v === "on");

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "field.invalidChoice" });

/** A question that may be left unanswered: nothing, or a blank, is "not answered". */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), choice(values).optional());

const age = () =>
  z
    .string({ error: "field.age" })
    .optional()
    .transform((v, ctx): number | null => {
      const s = v?.trim() ?? "";
      if (s === "") return null;
      if (!/^\d{1,2}$/.test(s) || Number(s) > 25) {
        ctx.addIssue({ code: "custom", message: "field.age" });
        return z.NEVER;
      }
      return Number(s);
    });

const violenceAnswer = () =>
  z.unknown().transform((raw, ctx): { kinds: ViolenceKind[]; answer: ViolenceResponse } => {
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((v) => v !== "");
    if (values.length === 0) {
      ctx.addIssue({ code: "custom", message: "intake.error.violenceRequired" });
      return z.NEVER;
    }
    if (!values.every((v) => typeof v === "string" && (violenceAnswers as readonly string[]).includes(v))) {
      ctx.addIssue({ code: "custom", message: "field.invalidChoice" });
      return z.NEVER;
    }
    const kinds = violenceKinds.filter((k) => values.includes(k));
    const no = values.includes("no");
    const unknown = values.includes("unknown");
    if ((no || unknown) && kinds.length > 0) {
      ctx.addIssue({ code: "custom", message: "intake.error.violenceContradiction" });
      return z.NEVER;
    }
    if (no && unknown) {
      ctx.addIssue({ code: "custom", message: "intake.error.violenceNoAndUnknown" });
      return z.NEVER;
    }
    return { kinds, answer: kinds.length > 0 ? "yes" : no ? "no" : "unknown" };
  });

type ValidPersonalNumber = Extract<PersonalNumberResult, { ok: true }>;

/**
 * Builds the schema; `now` is read at parse time (birth dates may not be in the future, and a
 * 10-digit personnummer's century depends on today). Tests pass a fixed clock.
 */
export function createIntakeSchema(now: () => Date = () => new Date()) {
  const birthDate = () =>
    optionalText(LIMIT.date, { test: isCalendarDate, message: "field.date" }).refine(
      (d) => d === null || d <= stockholmIsoDate(now()),
      "field.dateInFuture"
    );

  const personalNumber = () =>
    optionalText(LIMIT.personalNumber).transform((s, ctx): ValidPersonalNumber | null => {
      if (s === null) return null;
      const result = parsePersonalNumber(s, now());
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: "field.personalNumber" });
        return z.NEVER;
      }
      return result;
    });

  const shape = {
    idempotencyKey: z.string({ error: "form.stale" }).regex(UUID, "form.stale"),
    [HONEYPOT_FIELD]: z.unknown(),

    reporterKind: choice(reporterKinds),
    anonymous: checkbox(),
    reporterName: optionalText(LIMIT.name),
    reporterSector: optionalChoice(reporterSectors),
    reporterOrganisation: optionalText(LIMIT.name),
    reporterTitle: optionalText(LIMIT.name),
    reporterRelation: optionalText(LIMIT.name),
    reporterPhone: phone(),
    reporterEmail: email(),

    childName: requiredText(LIMIT.name),
    childPersonalNumber: personalNumber(),
    childBirthDate: birthDate(),
    childAge: age(),
    childAddress: optionalText(LIMIT.short),
    childSchool: optionalText(LIMIT.short),
    childWhereabouts: optionalText(LIMIT.short),
    childProtectedIdentity: checkbox(),
    childLivesWith: optionalText(LIMIT.short),

    guardian1Name: optionalText(LIMIT.name),
    guardian1Phone: phone(),
    guardian1Email: email(),
    guardian1Address: optionalText(LIMIT.short),
    guardian1Knows: optionalChoice(answerValues),
    guardian2Name: optionalText(LIMIT.name),
    guardian2Phone: phone(),
    guardian2Email: email(),
    guardian2Address: optionalText(LIMIT.short),
    guardian2Knows: optionalChoice(answerValues),

    sibling1Name: optionalText(LIMIT.name),
    sibling1Age: age(),
    sibling2Name: optionalText(LIMIT.name),
    sibling2Age: age(),
    sibling3Name: optionalText(LIMIT.name),
    sibling3Age: age(),
    sibling4Name: optionalText(LIMIT.name),
    sibling4Age: age(),

    concernWhat: requiredText(LIMIT.long),
    concernWhen: optionalText(LIMIT.short),
    concernDuration: optionalText(LIMIT.short),
    concernIfNothing: optionalText(LIMIT.long),
    childKnows: choice(answerValues),
    childView: optionalText(LIMIT.long),
    policeReport: optionalChoice(answerValues),

    violence: violenceAnswer(),

    interpreterNeeded: checkbox(),
    interpreterLanguage: optionalText(LIMIT.language),
  };

  return (
    z
      .object(shape)
      // Rules across fields. Runs even when single fields failed, so the person sees every
      // error at once; a failed field holds its raw input here, so only test presence.
      .superRefine(
        (raw, ctx) => {
          const v = raw as unknown as Record<string, unknown>;
          const given = (name: string) => v[name] !== undefined && v[name] !== null && v[name] !== "";
          const issue = (path: string, message: string) =>
            ctx.addIssue({ code: "custom", message, path: path ? [path] : [] });

          // A bot fills every field it sees; people never see this one.
          if (given(HONEYPOT_FIELD)) issue("", "error.badRequest");

          if (v.reporterKind === "mandated") {
            for (const f of ["reporterName", "reporterOrganisation", "reporterTitle", "reporterPhone"]) {
              if (!given(f)) issue(f, "field.required");
            }
            // Missing only; a value not on the list is already refused as an invalid choice.
            if (v.reporterSector === undefined) issue("reporterSector", "intake.error.sectorRequired");
            if (v.anonymous === true) issue("anonymous", "intake.error.mandatedAnonymous");
          } else if (v.reporterKind === "private" && v.anonymous === false) {
            if (!given("reporterName")) issue("reporterName", "field.required");
          }

          const pn = v.childPersonalNumber as ValidPersonalNumber | null | undefined;
          if (pn && typeof pn === "object" && pn.ok && typeof v.childBirthDate === "string") {
            if (v.childBirthDate !== pn.birthDate) issue("childBirthDate", "intake.error.birthDateMismatch");
          }

          for (const n of guardianSlots) {
            // Whether the guardian knows is optional: unanswered is kept as "don't know".
            const others = ["Phone", "Email", "Address", "Knows"].some((f) => given(`guardian${n}${f}`));
            if (!given(`guardian${n}Name`) && others) issue(`guardian${n}Name`, "field.required");
          }

          for (const n of siblingSlots) {
            if (given(`sibling${n}Age`) && !given(`sibling${n}Name`))
              issue(`sibling${n}Name`, "field.required");
          }

          if (v.interpreterNeeded === true && !given("interpreterLanguage")) {
            issue("interpreterLanguage", "field.required");
          }
        },
        { when: () => true }
      )
      .transform((v): IntakeInput => {
        let reporter: ReporterInput;
        if (v.reporterKind === "mandated") {
          reporter = {
            kind: "mandated",
            name: v.reporterName!,
            organisation: v.reporterOrganisation!,
            title: v.reporterTitle!,
            phone: v.reporterPhone!,
            email: v.reporterEmail,
            sector: v.reporterSector!,
          };
        } else if (v.anonymous) {
          // Whatever else an anonymous person typed is not kept.
          reporter = { kind: "private", anonymous: true };
        } else {
          reporter = {
            kind: "private",
            anonymous: false,
            name: v.reporterName!,
            phone: v.reporterPhone,
            email: v.reporterEmail,
          };
        }

        const guardians = guardianSlots.flatMap((n) => {
          const name = v[`guardian${n}Name` as const];
          if (name === null) return [];
          return [
            {
              name,
              phone: v[`guardian${n}Phone` as const],
              email: v[`guardian${n}Email` as const],
              address: v[`guardian${n}Address` as const],
              knowsAboutReport: v[`guardian${n}Knows` as const] ?? "unknown",
            },
          ];
        });

        const siblings = siblingSlots.flatMap((n) => {
          const name = v[`sibling${n}Name` as const];
          return name === null ? [] : [{ name, age: v[`sibling${n}Age` as const] }];
        });

        const pn = v.childPersonalNumber;
        return {
          idempotencyKey: v.idempotencyKey.toLowerCase(),
          reporter,
          child: {
            name: v.childName,
            personalNumber: pn ? pn.normalised : null,
            birthDate: pn ? pn.birthDate : v.childBirthDate,
            address: v.childAddress,
            school: v.childSchool,
            whereabouts: v.childWhereabouts,
            protectedIdentity: v.childProtectedIdentity,
          },
          guardians,
          siblings,
          concern: {
            what: v.concernWhat,
            when: v.concernWhen,
            duration: v.concernDuration,
            ifNothing: v.concernIfNothing,
            childKnows: v.childKnows,
          },
          // A language given means an interpreter is wanted, ticked or not.
          interpreterLanguage: v.interpreterLanguage,
          violenceKinds: v.violence.kinds,
          details: {
            // Only a private reporter's relation is asked; an anonymous one's is kept (it
            // does not identify them and helps the caseworker weigh the report).
            reporterRelation: v.reporterKind === "private" ? v.reporterRelation : null,
            childAge: v.childAge,
            childLivesWith: v.childLivesWith,
            childView: v.childView,
            policeReport: v.policeReport ?? null,
            violenceAnswer: v.violence.answer,
          },
        };
      })
  );
}

export const intakeSchema = createIntakeSchema();

export type IntakeSchema = typeof intakeSchema;
/** The form's field names, exactly as posted. */
export type IntakeFieldName = keyof z.input<IntakeSchema> & string;
/** In the order the form shows them (the error summary lists errors in this order). */
export const intakeFieldNames = Object.keys(intakeSchema.in.shape) as IntakeFieldName[];
/** What the form posts: every field a string, except the violence checkboxes (one or many). */
export type IntakeFormValues = { [K in IntakeFieldName]?: K extends "violence" ? string[] : string };
/** Values to pre-fill the form with. */
export type IntakeDefaults = IntakeFormValues;

/** Conform's reserved names; a forged one would make conform throw, so the server drops them. */
const CONFORM_RESERVED = new Set(["__intent__", "__state__"]);

/**
 * Parses a posted form on the server. Never throws on any input. `submission.status ===
 * "success"` gives `submission.value: IntakeInput`; otherwise reply with `submission.reply()`.
 */
export function parseIntake(formData: FormData, options: { schema?: IntakeSchema } = {}) {
  const clean = new FormData();
  for (const [name, value] of formData.entries()) {
    if (!CONFORM_RESERVED.has(name)) clean.append(name, value);
  }
  return parseWithZod(clean, {
    schema: options.schema ?? intakeSchema,
    // The schema handles blank strings itself, so the browser and the server parse alike.
    disableAutoCoercion: true,
  });
}

/** The same parse in the browser, where conform's own intents (validate on blur) must pass. */
export function parseIntakeInBrowser(formData: FormData) {
  return parseWithZod(formData, { schema: intakeSchema, disableAutoCoercion: true });
}

/** True when the honeypot was filled: the route treats the post as a bot's. */
export function honeypotFilled(formData: FormData): boolean {
  return formData.getAll(HONEYPOT_FIELD).some((v) => typeof v !== "string" || v !== "");
}

type ReporterAccount = {
  name: string;
  phone: string | null;
  email: string | null;
  organisation: string | null;
  title: string | null;
  mandatedReporter: boolean;
  /** The kind of organisation the account has to go on (see account-sector.server.ts), if any. */
  sector?: ReporterSector | null;
};

/** Pre-fills the reporter's part of the form for a signed-in reporter. */
export function defaultsForReporter(user: ReporterAccount | null): IntakeDefaults {
  if (!user) return {};
  const defaults: IntakeDefaults = {
    reporterKind: user.mandatedReporter ? "mandated" : "private",
    reporterName: user.name,
  };
  if (user.phone) defaults.reporterPhone = user.phone;
  if (user.email) defaults.reporterEmail = user.email;
  if (user.organisation) defaults.reporterOrganisation = user.organisation;
  if (user.title) defaults.reporterTitle = user.title;
  if (user.mandatedReporter && user.sector) defaults.reporterSector = user.sector;
  return defaults;
}
