import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { nameKeySql } from "./name-key";
import { REPORTER_CATEGORY_SQL, REPORTER_SECTOR_CHECK_SQL } from "./reporter-category";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Numbers the reference (diarienummer) of each new case. */
export const caseReferenceSeq = pgSequence("case_reference_seq", { startWith: 1 });

/** Numbers each report's own number (anmälningsnummer), the one its receipt carries. */
export const reportNumberSeq = pgSequence("report_number_seq", { startWith: 1 });

export const roleEnum = pgEnum("role", ["reporter", "caseworker", "teamLead", "auditor", "admin"]);

/** A social-services unit (enhet), e.g. "Barn och unga, Lysekil". Cases belong to one unit. */
export const units = pgTable("units", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  municipality: text("municipality").notNull(),
  /** Printed on letters (kept by the admin): postal address lines separated by "\n". */
  address: text("address"),
  /** The unit's switchboard (växel), as printed on letters. */
  phone: text("phone"),
  /** e.g. "Vardagar 08–16", printed on letters and the receipt. */
  officeHours: text("office_hours"),
  /** Stedforträdare: may approve decisions besides the team leads, so one team lead is never stuck. */
  deputyApproverId: uuid("deputy_approver_id").references((): AnyPgColumn => users.id),
  createdAt: instant("created_at").notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(), // stored lower-cased
  name: text("name").notNull(),
  phone: text("phone"),
  role: roleEnum("role").notNull(),
  unitId: uuid("unit_id").references(() => units.id),
  /** Reporters: the organisation (e.g. a school) the account belongs to, chosen by the admin. */
  organisationId: uuid("organisation_id").references((): AnyPgColumn => organisations.id),
  /** Reporters: their role at the organisation. */
  title: text("title"),
  mandatedReporter: boolean("mandated_reporter").notNull().default(false),
  passwordHash: text("password_hash").notNull(),
  /** Set when an admin chose the password (a new account, a reset): the user must choose their own before anything else. */
  passwordChangeRequired: boolean("password_change_required").notNull().default(false),
  active: boolean("active").notNull().default(true),
  createdAt: instant("created_at").notNull().defaultNow(),
});

/**
 * An organisation whose staff report with accounts (e.g. a school), kept by the admin. Its
 * name is unique within its unit only; reports are tied to it by id, never by name. Its
 * designated contact (one of its reporter accounts) sees every report made from it.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    contactUserId: uuid("contact_user_id").references((): AnyPgColumn => users.id),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_unit_name_idx").on(t.unitId, t.name)],
);

/** Server-side sessions: the cookie carries only the id; deleting the row revokes it. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(), // SHA-256 of the token in the cookie
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Rate limits (sign-in per account and per address, the public form per address). One row
 * per key, changed only by one atomic statement each (app/auth/rate-limit.server.ts), so
 * concurrent attempts from several server processes count one by one.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    /** SHA-256 of e.g. "login-account:<e-mail>": no addresses or e-mails kept in clear. */
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    windowStart: instant("window_start").notNull(),
    /** The earliest time the next attempt is let through (the progressive delay). */
    nextAt: instant("next_at").notNull(),
  },
  (t) => [index("rate_limits_next_at_idx").on(t.nextAt)],
);

export const children = pgTable(
  "children",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    /** Personnummer or samordningsnummer, normalised to 12 digits; null when unknown. */
    personalNumber: text("personal_number"),
    name: text("name").notNull(),
    birthDate: date("birth_date", { mode: "string" }),
    address: text("address"),
    /** Skyddade personuppgifter: the address is never shown or printed. */
    protectedIdentity: boolean("protected_identity").notNull().default(false),
    createdAt: instant("created_at").notNull().defaultNow(),
    /** The name as matching compares it (db/name-key.ts): case, diacritics and spacing left out. */
    nameKey: text("name_key").generatedAlwaysAs(sql.raw(nameKeySql(`"name"`))),
  },
  (t) => [
    uniqueIndex("children_unit_personal_number_idx")
      .on(t.unitId, t.personalNumber)
      .where(sql`${t.personalNumber} is not null`),
    // A report without personnummer looks for earlier cases of a child of the same name.
    index("children_unit_name_key_idx").on(t.unitId, t.nameKey),
  ],
);

/**
 * A case (ärende): the workflow snapshot plus copies of what the inbox filters and sorts
 * on. `version` equals the seq of the last event; an update must name the version it read.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    referenceNumber: text("reference_number").notNull().unique(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id),
    /** The case this one follows, when a new report arrived after the old case closed. */
    previousCaseId: uuid("previous_case_id"),
    state: text("state").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    machineVersion: integer("machine_version").notNull(),
    version: integer("version").notNull(),
    open: boolean("open").notNull().default(true),
    urgent: boolean("urgent").notNull().default(false),
    violence: boolean("violence").notNull().default(false),
    reportCount: integer("report_count").notNull().default(1),
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** The deadline that governs the case now (Europe/Stockholm calendar date). */
    nextDeadlineKind: text("next_deadline_kind"),
    nextDeadline: date("next_deadline", { mode: "string" }),
    decisionDue: date("decision_due", { mode: "string" }),
    receivedAt: instant("received_at").notNull(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    closedAt: instant("closed_at"),
  },
  (t) => [
    index("cases_inbox_idx").on(t.unitId, t.open, t.nextDeadline),
    index("cases_child_idx").on(t.childId),
    index("cases_assignee_idx").on(t.assigneeId),
    // With the id, keyset pages of a period (exports) are one ordered index range each.
    index("cases_received_idx").on(t.receivedAt, t.id),
  ],
);

export type Guardian = {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  knowsAboutReport: "yes" | "no" | "unknown";
};
export type Sibling = { name: string; age: number | null };

/** One orosanmälan, exactly as submitted. Reports are never changed after submission. */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /**
     * The report's own number (anmälningsnummer), e.g. "ANM-2026-000123": the receipt and the
     * reporter's pages show this, never the case's diarienummer, so a receipt reveals nothing
     * about whether the child already has a case.
     */
    reportNumber: text("report_number")
      .notNull()
      .unique()
      .default(sql`'ANM-' || to_char(now() at time zone 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('report_number_seq')::text, 6, '0')`),
    /** From the form's hidden field: a retried submission finds its first result. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    receivedAt: instant("received_at").notNull(),
    reporterKind: text("reporter_kind").notNull(), // "private" | "mandated"
    anonymous: boolean("anonymous").notNull().default(false),
    reporterUserId: uuid("reporter_user_id").references(() => users.id),
    /** The organisation the signing-in reporter's account belonged to when the report was made (set once, at intake). */
    reporterOrganisationId: uuid("reporter_organisation_id").references(() => organisations.id),
    reporterName: text("reporter_name"),
    reporterOrganisation: text("reporter_organisation"),
    reporterTitle: text("reporter_title"),
    reporterPhone: text("reporter_phone"),
    reporterEmail: text("reporter_email"),
    childName: text("child_name").notNull(),
    childPersonalNumber: text("child_personal_number"),
    childBirthDate: date("child_birth_date", { mode: "string" }),
    childAddress: text("child_address"),
    childSchool: text("child_school"),
    childWhereabouts: text("child_whereabouts"),
    childProtectedIdentity: boolean("child_protected_identity").notNull().default(false),
    guardians: jsonb("guardians").$type<Guardian[]>().notNull(),
    siblings: jsonb("siblings").$type<Sibling[]>().notNull(),
    concernWhat: text("concern_what").notNull(),
    concernWhen: text("concern_when"),
    concernDuration: text("concern_duration"),
    concernIfNothing: text("concern_if_nothing"),
    childKnows: text("child_knows").notNull(), // "yes" | "no" | "unknown"
    interpreterLanguage: text("interpreter_language"),
    /** Violence or abuse by a family member, sexual abuse, honour-related violence. */
    violenceKinds: jsonb("violence_kinds").$type<string[]>().notNull(),
    violence: boolean("violence").notNull().default(false),
    /** "yes" | "no" | "unknown": the violence question's answer, no and don't know kept apart; null before it was asked. */
    violenceAnswer: text("violence_answer"),
    /** A private reporter's relation to the child. */
    reporterRelation: text("reporter_relation"),
    /** The child's age in years, given when no date of birth is known. */
    childAge: integer("child_age"),
    childLivesWith: text("child_lives_with"),
    /** The child's own view, as the reporter knows it. */
    childView: text("child_view"),
    /** Whether a police report has been made: "yes" | "no" | "unknown"; null when not answered. */
    policeReport: text("police_report"),
    /**
     * A mandated reporter's answer to "Typ av verksamhet": school | preschool | healthCare |
     * police | socialServices | other. Null for a private person, and for reports made before the form asked.
     */
    reporterSector: text("reporter_sector"),
    /**
     * School, preschool, health care, … for the statistics: derived by the database from the
     * answer above, or guessed for a report without one (db/reporter-category.ts).
     */
    reporterCategory: text("reporter_category").generatedAlwaysAs(sql.raw(REPORTER_CATEGORY_SQL)),
  },
  (t) => [
    index("reports_case_idx").on(t.caseId, t.receivedAt),
    index("reports_reporter_idx").on(t.reporterUserId),
    index("reports_reporter_organisation_idx").on(t.reporterOrganisationId),
    index("reports_received_idx").on(t.receivedAt),
    check("reports_reporter_sector_check", sql.raw(REPORTER_SECTOR_CHECK_SQL)),
  ],
);

/**
 * The append-only history of a case. Each event carries the hash of its predecessor, so
 * changing, removing or reordering one breaks the chain (see app/audit).
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    event: jsonb("event").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    occurredAt: instant("occurred_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("case_events_case_seq_idx").on(t.caseId, t.seq),
    // The statistics find the decisions of a period by type and time.
    index("case_events_type_at_idx").on(t.type, t.occurredAt),
  ],
);

/**
 * One row per decision on whether to investigate (an approved proposal, or an investigation
 * opened at the protection assessment), for the statistics. Derived, not history: written by
 * the trigger `case_events_decision` (db/migrations/*_case_decisions_trigger.sql) from the event log, so every writer
 * keeps it right; the event log stays the record. No foreign key: it must never stop anything.
 */
export const caseDecisions = pgTable(
  "case_decisions",
  {
    caseId: uuid("case_id").notNull(),
    seq: integer("seq").notNull(),
    unitId: uuid("unit_id").notNull(),
    decidedAt: instant("decided_at").notNull(),
    /** The first report the decision answers: received since the case's previous decision. */
    receivedAt: instant("received_at").notNull(),
    /** noInvestigation | support | investigation | alreadyInvestigated | transfer */
    outcome: text("outcome").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.seq] }),
    index("case_decisions_unit_at_idx").on(t.unitId, t.decidedAt),
  ],
);

/**
 * The statistics' counters: per unit and Swedish calendar day, how many reports of each reporter
 * category ('report'), decisions taken after each number of days ('decisionDays') and decisions
 * of each outcome ('outcome'). Derived like case_decisions, kept by triggers on reports,
 * case_decisions and cases in the writing transaction (db/migrations/*_statistics_counters.sql);
 * `select rebuild_statistics()` recomputes them from the record. A year is a few thousand rows.
 */
export const statisticsDayCounts = pgTable(
  "statistics_day_counts",
  {
    unitId: uuid("unit_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    figure: text("figure").notNull(),
    key: text("key").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day, t.figure, t.key] })],
);

/**
 * Every report that has earlier reports about the same child in the same unit, with the times
 * of the four before it (derived, kept by the same triggers). A child with k reports in a period
 * is found from the reports whose earlier ones fall inside it, without grouping by child.
 */
export const repeatReports = pgTable(
  "repeat_reports",
  {
    reportId: uuid("report_id").primaryKey(),
    unitId: uuid("unit_id").notNull(),
    childId: uuid("child_id").notNull(),
    receivedAt: instant("received_at").notNull(),
    previousAt: instant("previous_at").notNull(),
    previous2At: instant("previous_2_at"),
    previous3At: instant("previous_3_at"),
    previous4At: instant("previous_4_at"),
  },
  (t) => [
    index("repeat_reports_unit_previous_idx").on(t.unitId, t.previousAt),
    index("repeat_reports_child_idx").on(t.childId),
  ],
);

/** Every letter exactly as sent: the PDF bytes are kept, never regenerated. */
export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reportId: uuid("report_id").references(() => reports.id),
    eventSeq: integer("event_seq"),
    kind: text("kind").notNull(),
    recipientName: text("recipient_name"),
    /** For feedback letters: what the reporter was told (investigationOpened, notOpened, …). */
    outcome: text("outcome"),
    fileName: text("file_name").notNull(),
    createdAt: instant("created_at").notNull(),
    sha256: text("sha256").notNull(),
    pdf: bytea("pdf").notNull(),
  },
  (t) => [index("letters_case_idx").on(t.caseId), index("letters_report_idx").on(t.reportId)],
);

/** Loggkontroll: every read of a case's contents by a staff member. */
export const accessLog = pgTable(
  "access_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    action: text("action").notNull(), // "view" | "letter" | "export" …
    detail: text("detail"),
    at: instant("at").notNull().defaultNow(),
    /**
     * The reader's role and unit at the time of the read (roles and units change later).
     * A trigger fills them from users when a writer leaves them out (migration 0003).
     */
    role: roleEnum("role"),
    unitId: uuid("unit_id").references(() => units.id),
  },
  (t) => [
    index("access_log_case_idx").on(t.caseId, t.at),
    index("access_log_at_idx").on(t.at),
    index("access_log_user_idx").on(t.userId, t.at),
  ],
);

/** Loggkontroll: an auditor's mark that one flagged access has been looked at, with a comment. */
export const accessReviews = pgTable("access_reviews", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  accessLogId: bigint("access_log_id", { mode: "number" })
    .notNull()
    .unique()
    .references(() => accessLog.id),
  reviewerId: uuid("reviewer_id")
    .notNull()
    .references(() => users.id),
  comment: text("comment").notNull(),
  at: instant("at").notNull().defaultNow(),
});

/** Loggkontroll: the sign-off of one period's review — who, when, what was found. Kept for good. */
export const accessReviewSignoffs = pgTable(
  "access_review_signoffs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    signedById: uuid("signed_by_id")
      .notNull()
      .references(() => users.id),
    signedByName: text("signed_by_name").notNull(),
    signedAt: instant("signed_at").notNull().defaultNow(),
    findings: text("findings").notNull(),
    flaggedCount: integer("flagged_count").notNull(),
  },
  (t) => [uniqueIndex("access_review_signoffs_period_idx").on(t.periodFrom, t.periodTo)],
);

/** Every change an administrator makes (users, units): who, when, what. Never a password. */
export const adminLog = pgTable(
  "admin_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    targetUserId: uuid("target_user_id").references(() => users.id),
    targetUnitId: uuid("target_unit_id").references(() => units.id),
    /** What changed, e.g. {"role": ["caseworker", "teamLead"]}. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [index("admin_log_at_idx").on(t.at)],
);

/**
 * The municipality-wide sequence of checkpoints (see docs/decisions/0004): one row in the same
 * transaction as every change of a case, pinning the case's head event, a digest of its
 * snapshot and of every report and letter it holds, linked to the previous checkpoint and
 * sealed with an HMAC whose key is not in the database. No foreign key to `cases`: a
 * checkpoint must outlive a deleted case, so the deletion shows.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull(),
    /** The case's last event after the change, and that event's hash. */
    caseSeq: integer("case_seq").notNull(),
    caseHash: text("case_hash").notNull(),
    /** SHA-256 of the stored snapshot's JSON text after the change … */
    snapshotDigest: text("snapshot_digest").notNull(),
    /** … and of the snapshot the change was applied to ("" for a new case). */
    fromDigest: text("from_digest").notNull(),
    /** "report:<id>:<sha256>" and "letter:<id>:<sha256>", sorted, space-separated. */
    documents: text("documents").notNull(),
    at: instant("at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /** Which AUDIT_KEY sealed it (a digest of the key, not the key). */
    keyId: text("key_id").notNull(),
    mac: text("mac").notNull(),
  },
  (t) => [index("audit_checkpoints_case_idx").on(t.caseId, t.seq)],
);

/** The newest checkpoint: one row, locked by each change so the sequence has no gaps or forks. */
export const auditHead = pgTable("audit_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/**
 * A possible match (app/matching): a new case whose child has no personnummer may be the same
 * child as an earlier case's (same name and date of birth, or age and school). Found at intake,
 * in the report's transaction; shown to the caseworker, never acted on alone. Confirming merges
 * the new case into the candidate (events on both); rejecting keeps them apart for good — the
 * pair is unique, so it is never proposed again.
 */
export const possibleMatches = pgTable(
  "possible_matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The new case, and the report that opened it. */
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    /** The earlier case that may be the same child's. */
    candidateCaseId: uuid("candidate_case_id")
      .notNull()
      .references(() => cases.id),
    /** "nameAndBirthDate" | "nameAgeAndSchool" */
    basis: text("basis").notNull(),
    /** "pending" | "confirmed" | "rejected" */
    status: text("status").notNull().default("pending"),
    createdAt: instant("created_at").notNull(),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedByName: text("decided_by_name"),
    decidedAt: instant("decided_at"),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("possible_matches_pair_idx").on(t.caseId, t.candidateCaseId),
    index("possible_matches_candidate_idx").on(t.candidateCaseId),
    // The inbox flags the cases of one page that have a match waiting.
    index("possible_matches_pending_idx").on(t.caseId).where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * The one-time code that lets an anonymous or private reporter add to their report for 30
 * days without an account. Only a hash of the code is kept; the code itself is shown once.
 */
export const reportCodes = pgTable("report_codes", {
  reportId: uuid("report_id")
    .primaryKey()
    .references(() => reports.id),
  /** SHA-256 (hex) of the normalised code; unique so a code finds its report. */
  codeHash: text("code_hash").notNull().unique(),
  expiresAt: instant("expires_at").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
});
