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

export const DEADLINE_FILTERS = ["overdue", "today", "week"] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

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
  q: string;
  page: number;
};

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const state = params.get("state");
  const assignee = params.get("assignee");
  const deadline = params.get("deadline");
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
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_MAX),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query string for these filters (page 1 is left out). */
export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.state) params.set("state", filters.state);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.deadline) params.set("deadline", filters.deadline);
  if (filters.q) params.set("q", filters.q);
  if (filters.page > 1) params.set("page", String(filters.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
