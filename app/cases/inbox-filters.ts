/**
 * The inbox's filters, read from the query string (a plain GET form, so they work without
 * JavaScript and can be bookmarked). Shared by the server query and the page.
 * Unknown or malformed values are ignored rather than refused: a filter is a view, not data.
 */
import { STATE_NAMES, type StateName } from "../../workflows/types";

export const PAGE_SIZE = 50;
export const SEARCH_MAX = 100;

/** The states an open case can be in: the inbox lists open cases only. */
export const OPEN_STATES = STATE_NAMES.filter((s) => s !== "closed") as Exclude<StateName, "closed">[];
export type OpenState = (typeof OPEN_STATES)[number];

/** "due" = today or overdue; "week" and "month" (30 days) include the overdue ones. */
export const DEADLINE_FILTERS = ["overdue", "today", "due", "week", "month"] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

/** Which deadline governs the case now (cases.next_deadline_kind). */
export const DEADLINE_KINDS = ["protectionAssessment", "decision", "investigation"] as const;
export type DeadlineKindFilter = (typeof DEADLINE_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** "mine", "unassigned" or a user id. */
export type AssigneeFilter = "mine" | "unassigned" | string;

/** Besides one open state: "closed" (Avslutade) and "all" (Alla, open and closed). */
export const STATE_GROUPS = ["closed", "all"] as const;
export type StateFilter = OpenState | (typeof STATE_GROUPS)[number];

export type InboxFilters = {
  state: StateFilter | null;
  assignee: AssigneeFilter | null;
  deadline: DeadlineFilter | null;
  kind: DeadlineKindFilter | null;
  /** "mine": proposals awaiting approval that the user may approve (not their own). */
  approval: "mine" | null;
  /** "waiting": a mandated reporter's report on the case still waits for its feedback letter. */
  feedback: "waiting" | null;
  /** "pending": a possible match (a child without personnummer) waits for an answer. */
  match: "pending" | null;
  q: string;
  page: number;
  /**
   * Where the page starts: the sort key of the last row of the page before (keyset
   * pagination, see inboxCursor). Without it the page is found by skipping (page - 1) pages.
   */
  after: string | null;
};

/** A cursor: next deadline (or "-"), priority (0 urgent/violence, 1 other), received at, case id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}|-)_([01])_(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/;

export type InboxCursor = { nextDeadline: string | null; later: boolean; receivedAt: string; id: string };

export function formatInboxCursor(c: InboxCursor): string {
  return `${c.nextDeadline ?? "-"}_${c.later ? 1 : 0}_${c.receivedAt}_${c.id}`;
}

export function parseInboxCursor(value: string | null): InboxCursor | null {
  const m = value ? CURSOR.exec(value) : null;
  if (!m || !isUuid(m[4]) || Number.isNaN(Date.parse(m[3]!))) return null;
  return { nextDeadline: m[1] === "-" ? null : m[1]!, later: m[2] === "1", receivedAt: m[3]!, id: m[4]!.toLowerCase() };
}

function afterCursor(value: string | null): string | null {
  const cursor = parseInboxCursor(value);
  return cursor ? formatInboxCursor(cursor) : null;
}

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const state = params.get("state");
  const assignee = params.get("assignee");
  const deadline = params.get("deadline");
  const kind = params.get("kind");
  const page = Number(params.get("page") ?? "1");
  return {
    state: ([...OPEN_STATES, ...STATE_GROUPS] as readonly string[]).includes(state ?? "") ? (state as StateFilter) : null,
    assignee:
      assignee === "mine" || assignee === "unassigned"
        ? assignee
        : isUuid(assignee)
          ? assignee.toLowerCase()
          : null,
    deadline: (DEADLINE_FILTERS as readonly string[]).includes(deadline ?? "")
      ? (deadline as DeadlineFilter)
      : null,
    kind: (DEADLINE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as DeadlineKindFilter) : null,
    approval: params.get("approval") === "mine" ? "mine" : null,
    feedback: params.get("feedback") === "waiting" ? "waiting" : null,
    match: params.get("match") === "pending" ? "pending" : null,
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_MAX),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    after: afterCursor(params.get("after")),
  };
}

/** The query string for these filters (page 1 is left out). */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.deadline) params.set("deadline", filters.deadline);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.approval) params.set("approval", filters.approval);
  if (filters.feedback) params.set("feedback", filters.feedback);
  if (filters.match) params.set("match", filters.match);
  if (filters.q) params.set("q", filters.q);
  if (filters.page > 1) params.set("page", String(filters.page));
  if (filters.after && filters.page > 1) params.set("after", filters.after);
  const s = params.toString();
  return s ? `?${s}` : "";
}
