/**
 * One zod schema per command form of the case page, used by the browser (conform's
 * onValidate) and by the server (the action). Each reads the form's flat field names and
 * outputs the command without `at` and `actor`, which the server adds.
 *
 * The schemas check what a form can know: required fields, formats, lengths, choices among
 * the options the page offered. Which commands are possible at all is the statechart's
 * business (availableCommands), and it checks every command again when it is applied.
 *
 * Every message is a catalogue key; a key may carry parameters after a `|`
 * ("field.tooLong|max=10000"); `translateMessage` renders it.
 *
 * No server imports here: this module is part of the browser bundle.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

import { isIsoDate } from "../../workflows/deadlines";
import { factSchemas } from "./fact-schemas";
import { always, choice, date, optionalText, requiredText, str, text, TEXT_LIMITS, ticked, TIME } from "./form-parts";

export { TEXT_LIMITS } from "./form-parts";
import {
  COMMAND_TYPES,
  DECISION_OUTCOMES,
  SUPPORT_MEASURES,
  type CaseCommand,
  type CommandType,
  type RefusalCode,
} from "../../workflows/types";
import { translate, type Locale } from "../i18n";

/**
 * Commands that are not the case page's forms: REPORT_ADDED and REPORT_SUPPLEMENTED come from
 * reporters; CASE_MERGED, CHILD_LINKED and MATCH_REJECTED from the possible-match panel (app/matching).
 */
type NotAForm = "REPORT_ADDED" | "REPORT_SUPPLEMENTED" | "CASE_MERGED" | "CHILD_LINKED" | "MATCH_REJECTED";
const NOT_FORMS: readonly NotAForm[] = ["REPORT_ADDED", "REPORT_SUPPLEMENTED", "CASE_MERGED", "CHILD_LINKED", "MATCH_REJECTED"];
/** The commands a person gives on the case page's command forms. */
export type FormCommand = Exclude<CommandType, NotAForm>;
export const FORM_COMMANDS = COMMAND_TYPES.filter((t): t is FormCommand => !(NOT_FORMS as readonly string[]).includes(t));

export function isFormCommand(value: unknown): value is FormCommand {
  return typeof value === "string" && (FORM_COMMANDS as readonly string[]).includes(value);
}

/** A command as a form produces it: everything but who and when. */
export type CommandInputOf<T extends CommandType> = Omit<Extract<CaseCommand, { type: T }>, "at" | "actor">;

/** The id of a command's form: for links from the error summary and to a form from elsewhere on the page. */
export const commandFormId = (intent: FormCommand) => `command-${intent}`;

/** What the forms may offer and check, from the case as the page showed it. */
export type CommandFormContext = {
  /** Today's date in Stockholm ('YYYY-MM-DD'). */
  today: string;
  /**
   * The people an invitation can go to: the child and each confirmed guardian not suspected
   * of the violence; `addressMissing` when their letter would carry no address.
   */
  invitees: { name: string; role: "child" | "guardian"; addressMissing: boolean }[];
  /** Who the case can be assigned to (a caseworker: only themselves, on an unassigned case). */
  staff: { id: string; name: string }[];
  /** True when the child took part in the conversation on record. */
  childHeard: boolean;
  /** The reports still waiting for their protection assessment, oldest first. */
  unassessed: { id: string; receivedAt: string }[];
  /**
   * The guardians as staff entered them. A protected address (the guardian's, or every one when
   * the child's identity is protected) is withheld: null here, and a correction keeps it.
   */
  guardians: { id: string; name: string; address: string | null; addressWithheld: boolean; custody: boolean; suspected: boolean }[];
  /** The child's address as the case holds it; null when withheld (protected identity) or not known. */
  child: { address: string | null; addressWithheld: boolean };
  /** The running 14-day decision deadline: an invitation after it asks for a confirmation. */
  decisionDue: string | null;
  /** The child is 15 or older: their own answer on support. */
  ownVoice: boolean;
  /** Violence-flagged: the only decision is to open an investigation. */
  violence: boolean;
  /** The due date of each deadline that can still be extended; null when it is not running. */
  extendable: { decision: string | null; investigation: string | null };
  /** A mandated reporter's report waits for the decision: its feedback could be withheld. */
  feedbackOwed: boolean;
  /** Feedback a decision withheld, which can be sent now. */
  withheldFeedback: { reportId: string; reporter: string; reason: string }[];
};

const schemas = {
  PROTECTION_ASSESSED: (ctx: CommandFormContext) =>
    z
      .object({
        // Each report gets its own assessment: the form names which.
        reportId: z
          .string({ error: () => "field.invalidChoice" })
          .refine((id) => ctx.unassessed.some((r) => r.id === id), { message: "field.invalidChoice" }),
        needsProtection: choice(["yes", "no"]),
        assessment: requiredText(TEXT_LIMITS.long),
      })
      .transform(
        (v): CommandInputOf<"PROTECTION_ASSESSED"> => ({
          type: "PROTECTION_ASSESSED",
          reportId: v.reportId,
          needsProtection: v.needsProtection === "yes",
          assessment: v.assessment,
        }),
      ),

  ASSIGNED: (ctx: CommandFormContext) =>
    z
      .object({
        assignee: z
          .string({ error: () => "field.invalidChoice" })
          .refine((id) => ctx.staff.some((s) => s.id === id), { message: "field.invalidChoice" }),
      })
      .transform((v): CommandInputOf<"ASSIGNED"> => {
        const person = ctx.staff.find((s) => s.id === v.assignee)!;
        return { type: "ASSIGNED", assignee: { id: person.id, name: person.name } };
      }),

  INVITATION_SENT: (ctx: CommandFormContext) =>
    z
      .object({
        date: date().refine((d) => d >= ctx.today, { message: "cases.error.dateInPast" }),
        time: text(5)
          .min(1, { message: "field.required", abort: true })
          .regex(TIME, { message: "field.time" }),
        place: requiredText(TEXT_LIMITS.short),
        invitees: ticked(() => ctx.invitees.map((i) => i.name)).refine((l) => l.length > 0, {
          message: "cases.error.inviteesRequired",
        }),
        lateConfirmed: z.string().optional(),
      })
      .superRefine((v, issue) => {
        // Booking after the 14 days is sometimes right, never by accident: it asks, and says why.
        if (ctx.decisionDue && typeof v.date === "string" && v.date > ctx.decisionDue && v.lateConfirmed !== "yes") {
          // Once the deadline has passed, no earlier date is left to suggest.
          const key = ctx.decisionDue < ctx.today ? "cases.error.invitationDeadlinePassed" : "cases.error.invitationAfterDeadline";
          issue.addIssue({ code: "custom", path: ["lateConfirmed"], message: `${key}|date=${ctx.decisionDue}` });
        }
      }, always)
      .transform(
        (v): CommandInputOf<"INVITATION_SENT"> => ({
          type: "INVITATION_SENT",
          date: v.date,
          time: v.time,
          place: v.place,
          invitees: v.invitees,
        }),
      ),

  CONVERSATION_HELD: (ctx: CommandFormContext) =>
    z
      .object({
        participants: ticked(() => ctx.invitees.map((i) => i.name)),
        participantsOther: optionalText(TEXT_LIMITS.medium),
        notes: requiredText(TEXT_LIMITS.long),
      })
      .superRefine((v, issue) => {
        const listed = Array.isArray(v.participants) && v.participants.length > 0;
        if (!listed && !str(v.participantsOther)) {
          issue.addIssue({ code: "custom", path: ["participants"], message: "cases.error.participantsRequired" });
        }
      }, always)
      .transform((v): CommandInputOf<"CONVERSATION_HELD"> => {
        const others = (v.participantsOther ?? "")
          .split(/[\n,;]/)
          .map((s) => s.trim())
          .filter(Boolean);
        return { type: "CONVERSATION_HELD", participants: [...new Set([...v.participants, ...others])], notes: v.notes };
      }),

  NO_SHOW: () =>
    z
      .object({ note: optionalText(TEXT_LIMITS.long) })
      .transform((v): CommandInputOf<"NO_SHOW"> => (v.note ? { type: "NO_SHOW", note: v.note } : { type: "NO_SHOW" })),

  DECISION_PROPOSED: (ctx: CommandFormContext) =>
    z
      .object({
        outcome: choice(DECISION_OUTCOMES),
        reasoning: optionalText(TEXT_LIMITS.long),
        support: ticked(() => SUPPORT_MEASURES),
        childNotHeardReason: optionalText(TEXT_LIMITS.long),
        transferTo: optionalText(TEXT_LIMITS.short),
        // Återkoppling withheld (SoL 14 kap. 1 b §): only with the reason written out.
        withholdFeedback: z.string().optional(),
        feedbackWithheldReason: optionalText(TEXT_LIMITS.long),
      })
      .superRefine((v, issue) => {
        const add = (path: string, message: string) => issue.addIssue({ code: "custom", path: [path], message });
        const outcome: unknown = v.outcome;
        if (ctx.violence && typeof outcome === "string" && outcome !== "openInvestigation") {
          add("outcome", "cases.error.onlyInvestigation");
        }
        if (outcome === "noInvestigation" && !str(v.reasoning)) add("reasoning", "cases.error.reasoningRequired");
        if (
          typeof outcome === "string" &&
          outcome !== "noInvestigation" &&
          Array.isArray(v.support) &&
          v.support.length > 0
        ) {
          add("support", "cases.error.supportOnlyWithoutInvestigation");
        }
        if (outcome === "transfer" && !str(v.transferTo)) add("transferTo", "field.required");
        // The child's view must be documented, or why the child was not heard.
        if (!ctx.childHeard && !str(v.childNotHeardReason)) {
          add("childNotHeardReason", "cases.error.childNotHeardReasonRequired");
        }
        if (v.withholdFeedback === "yes" && !str(v.feedbackWithheldReason)) {
          add("feedbackWithheldReason", "cases.error.feedbackWithheldReasonRequired");
        }
      }, always)
      .transform((v): CommandInputOf<"DECISION_PROPOSED"> => {
        const command: CommandInputOf<"DECISION_PROPOSED"> = {
          type: "DECISION_PROPOSED",
          outcome: v.outcome,
          reasoning: v.reasoning ?? "",
          support: v.support,
        };
        if (v.childNotHeardReason) command.childNotHeardReason = v.childNotHeardReason;
        if (v.outcome === "transfer" && v.transferTo) command.transferTo = v.transferTo;
        if (v.withholdFeedback === "yes" && v.feedbackWithheldReason) command.feedbackWithheldReason = v.feedbackWithheldReason;
        return command;
      }),

  FEEDBACK_SENT: (ctx: CommandFormContext) =>
    z
      .object({
        reportId: z
          .string({ error: () => "field.invalidChoice" })
          .refine((id) => ctx.withheldFeedback.some((w) => w.reportId === id), { message: "field.invalidChoice" }),
      })
      .transform((v): CommandInputOf<"FEEDBACK_SENT"> => ({ type: "FEEDBACK_SENT", reportId: v.reportId })),

  DECISION_APPROVED: () =>
    z.object({}).transform((): CommandInputOf<"DECISION_APPROVED"> => ({ type: "DECISION_APPROVED" })),

  DECISION_RETURNED: () =>
    z
      .object({ comment: requiredText(TEXT_LIMITS.long) })
      .transform((v): CommandInputOf<"DECISION_RETURNED"> => ({ type: "DECISION_RETURNED", comment: v.comment })),

  SUPPORT_ACCEPTED: (ctx: CommandFormContext) => supportAnswer("SUPPORT_ACCEPTED", ctx),
  SUPPORT_DECLINED: (ctx: CommandFormContext) => supportAnswer("SUPPORT_DECLINED", ctx),

  INVESTIGATION_NOTICE_SENT: () =>
    z
      .object({})
      .transform((): CommandInputOf<"INVESTIGATION_NOTICE_SENT"> => ({ type: "INVESTIGATION_NOTICE_SENT" })),

  INVESTIGATION_CONCLUDED: () =>
    z
      .object({
        outcome: choice(["support", "none"]),
        support: ticked(() => SUPPORT_MEASURES),
        summary: requiredText(TEXT_LIMITS.long),
      })
      .superRefine((v, issue) => {
        const count = Array.isArray(v.support) ? v.support.length : 0;
        if (v.outcome === "support" && count === 0) {
          issue.addIssue({ code: "custom", path: ["support"], message: "cases.error.supportRequired" });
        }
        if (v.outcome === "none" && count > 0) {
          issue.addIssue({ code: "custom", path: ["support"], message: "cases.error.supportNotExpected" });
        }
      }, always)
      .transform(
        (v): CommandInputOf<"INVESTIGATION_CONCLUDED"> => ({
          type: "INVESTIGATION_CONCLUDED",
          outcome: v.outcome,
          support: v.support,
          summary: v.summary,
        }),
      ),

  NOTE_ADDED: () =>
    z
      .object({ text: requiredText(TEXT_LIMITS.long) })
      .transform((v): CommandInputOf<"NOTE_ADDED"> => ({ type: "NOTE_ADDED", text: v.text })),

  DEADLINE_EXTENDED: (ctx: CommandFormContext) =>
    z
      .object({
        // Only the 14 days (synnerliga skäl); the 4 months are extended by an approved decision.
        deadline: choice(["decision"]).refine((d) => ctx.extendable[d] !== null, {
          message: "cases.error.deadlineNotRunning",
        }),
        until: date(),
        reason: requiredText(TEXT_LIMITS.long),
      })
      .superRefine((v, issue) => {
        const due = v.deadline === "decision" ? ctx.extendable.decision : null;
        if (due && typeof v.until === "string" && isIsoDate(v.until) && v.until <= due) {
          issue.addIssue({ code: "custom", path: ["until"], message: `cases.error.extensionNotLater|date=${due}` });
        }
      }, always)
      .transform(
        (v): CommandInputOf<"DEADLINE_EXTENDED"> => ({
          type: "DEADLINE_EXTENDED",
          deadline: v.deadline,
          until: v.until,
          reason: v.reason,
        }),
      ),

  ...factSchemas,
} satisfies { [K in FormCommand]: (ctx: CommandFormContext) => z.ZodType<CommandInputOf<K>> };

/** The guardians' answer on support; from 15 the child's own answer too. */
function supportAnswer<T extends "SUPPORT_ACCEPTED" | "SUPPORT_DECLINED">(type: T, ctx: CommandFormContext) {
  return z
    .object({
      note: optionalText(TEXT_LIMITS.long),
      childAnswer: ctx.ownVoice ? choice(["accepted", "declined"]) : z.undefined().optional(),
    })
    .transform((v) => {
      const command: { type: T; note?: string; childAnswer?: "accepted" | "declined" } = { type };
      if (v.note) command.note = v.note;
      if (v.childAnswer) command.childAnswer = v.childAnswer;
      return command as CommandInputOf<T>;
    });
}

export type CommandSchema<K extends FormCommand> = ReturnType<(typeof schemas)[K]>;

export function commandSchema<K extends FormCommand>(intent: K, ctx: CommandFormContext): CommandSchema<K> {
  return schemas[intent](ctx) as CommandSchema<K>;
}

/** The team lead's answers to a proposal; their forms need nothing of the case (the desk posts them too). */
export const PROPOSAL_ANSWERS = ["DECISION_APPROVED", "DECISION_RETURNED"] as const satisfies readonly FormCommand[];
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];

export function isProposalAnswer(value: unknown): value is ProposalAnswer {
  return typeof value === "string" && (PROPOSAL_ANSWERS as readonly string[]).includes(value);
}

/** Parses an answer to a proposal on the server, with the case page's own schema. Never throws. */
export function parseProposalAnswer(formData: FormData, intent: ProposalAnswer) {
  const clean = new FormData();
  for (const [name, value] of formData.entries()) {
    if (!CONFORM_RESERVED.has(name)) clean.append(name, value);
  }
  const schema: z.ZodType<CommandInputOf<ProposalAnswer>> = schemas[intent]();
  return parseWithZod(clean, { schema, disableAutoCoercion: true });
}

/** Conform's reserved names; a forged one would make conform throw, so the server drops them. */
const CONFORM_RESERVED = new Set(["__intent__", "__state__"]);

/** Parses one command form on the server. Never throws on any input. */
export function parseCommand<K extends FormCommand>(formData: FormData, intent: K, ctx: CommandFormContext) {
  const clean = new FormData();
  for (const [name, value] of formData.entries()) {
    if (!CONFORM_RESERVED.has(name)) clean.append(name, value);
  }
  return parseCommandInBrowser(clean, intent, ctx);
}

/** The same parse in the browser, where conform's own intents (validate on blur) must pass. */
export function parseCommandInBrowser<K extends FormCommand>(formData: FormData, intent: K, ctx: CommandFormContext) {
  return parseWithZod(formData, {
    schema: commandSchema(intent, ctx) as z.ZodType<CommandInputOf<K>>,
    // The schemas treat blank strings themselves, so browser and server parse alike.
    disableAutoCoercion: true,
  });
}

/**
 * The form field a refusal of the statechart is about, so the message can stand next to it.
 * A refusal not listed here is shown for the whole form.
 */
export const REFUSAL_FIELDS: Partial<Record<RefusalCode, string>> = {
  assessmentRequired: "assessment",
  assigneeRequired: "assignee",
  textRequired: "text",
  extensionReasonRequired: "reason",
  extensionNotLater: "until",
  investigationNotOpened: "deadline",
  invitationDetailsRequired: "place",
  invitationDateInPast: "date",
  participantsRequired: "participants",
  notesRequired: "notes",
  onlyInvestigationForViolence: "outcome",
  reasoningRequired: "reasoning",
  childNotHeardReasonRequired: "childNotHeardReason",
  transferToRequired: "transferTo",
  supportOnlyWithoutInvestigation: "support",
  unknownSupportMeasure: "support",
  commentRequired: "comment",
  supportRequired: "support",
  supportNotExpected: "support",
  summaryRequired: "summary",
  suspectedGuardianInvited: "invitees",
  conversationBeforeBooking: "participants",
  specialReasonsTooShort: "reason",
  reasonRequired: "reason",
  nameRequired: "name",
  violenceKindRequired: "kinds",
  childAnswerRequired: "childAnswer",
  feedbackReasonRequired: "feedbackWithheldReason",
  noFeedbackToWithhold: "withholdFeedback",
  feedbackNotWithheld: "reportId",
};

/** Renders a message key with its parameters ("field.tooLong|max=10000"). */
export function translateMessage(locale: Locale, raw: string): string {
  const [key = "", query] = raw.split("|", 2);
  const params = query ? Object.fromEntries(new URLSearchParams(query)) : undefined;
  return translate(locale, key, params);
}
