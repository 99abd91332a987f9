/**
 * The auditors' case search, read from the query string (a plain GET form: it works
 * without JavaScript and can be bookmarked). Malformed values are ignored, not refused.
 */
import { isIsoDate } from "../../workflows/deadlines";
import { STATE_NAMES, type StateName } from "../../workflows/types";
import { isUuid } from "../cases/inbox-filters";

export const AUDIT_PAGE_SIZE = 50;

export type AuditSearch = {
  /** Diarienummer, the child's name or personnummer. */
  q: string;
  from: string | null;
  to: string | null;
  state: StateName | "open" | null;
  caseworker: string | null;
  page: number;
};

export function parseAuditSearch(params: URLSearchParams): AuditSearch {
  const state = params.get("state") ?? "";
  const from = params.get("from");
  const to = params.get("to");
  const caseworker = params.get("caseworker");
  const page = Number(params.get("page") ?? "1");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    from: isIsoDate(from) ? from : null,
    to: isIsoDate(to) ? to : null,
    state: state === "open" || (STATE_NAMES as readonly string[]).includes(state) ? (state as StateName | "open") : null,
    caseworker: isUuid(caseworker) ? caseworker.toLowerCase() : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function auditSearchString(s: AuditSearch, page = s.page): string {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  if (s.from) params.set("from", s.from);
  if (s.to) params.set("to", s.to);
  if (s.state) params.set("state", s.state);
  if (s.caseworker) params.set("caseworker", s.caseworker);
  if (page > 1) params.set("page", String(page));
  const str = params.toString();
  return str ? `?${str}` : "";
}

export function isEmptySearch(s: AuditSearch): boolean {
  return !s.q && !s.from && !s.to && !s.state && !s.caseworker;
}
