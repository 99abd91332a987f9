import { Form, Link } from "@remix-run/react";

import { formatDate, formatDateTime, useLocale, useT } from "../i18n";
import { DeadlineBadge, statusOn } from "./deadline-badge";
import {
  DEADLINE_FILTERS,
  DEADLINE_KINDS,
  inboxSearch,
  OPEN_STATES,
  SEARCH_MAX,
  STATE_GROUPS,
  type InboxFilters,
} from "./inbox-filters";
import type { InboxRow } from "./inbox.server";

type Staff = { id: string; name: string };

/** The filters as a plain GET form: works without JavaScript, and the URL can be bookmarked. */
export function InboxFilterForm({ filters, staff }: { filters: InboxFilters; staff: Staff[] }) {
  const t = useT();
  return (
    <Form method="get" className="inbox-filters" role="search" aria-label={t("cases.inbox.filters")}>
      <div className="field">
        <label htmlFor="filter-q">{t("cases.filter.q")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={filters.q} maxLength={SEARCH_MAX} />
      </div>
      <div className="field">
        <label htmlFor="filter-state">{t("cases.filter.state")}</label>
        <select id="filter-state" name="state" defaultValue={filters.state ?? ""}>
          <option value="">{t("cases.filter.state.open")}</option>
          {OPEN_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)}
            </option>
          ))}
          {STATE_GROUPS.map((s) => (
            <option key={s} value={s}>
              {t(`cases.filter.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-assignee">{t("cases.filter.assignee")}</label>
        <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ""}>
          <option value="">{t("cases.filter.any")}</option>
          <option value="mine">{t("cases.filter.assignee.mine")}</option>
          <option value="unassigned">{t("cases.filter.assignee.unassigned")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-deadline">{t("cases.filter.deadline")}</label>
        <select id="filter-deadline" name="deadline" defaultValue={filters.deadline ?? ""}>
          <option value="">{t("cases.filter.any")}</option>
          {DEADLINE_FILTERS.map((d) => (
            <option key={d} value={d}>
              {t(`cases.filter.deadline.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">{t("cases.filter.kind")}</label>
        <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("cases.filter.any")}</option>
          {DEADLINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cases.filter.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {/* The desk's own selections: kept while the other filters change, cleared by "Rensa". */}
      {filters.approval || filters.feedback || filters.match ? (
        <p className="desk-filter">
          {t("cases.filter.active")}{" "}
          {filters.approval ? <span className="badge ok">{t("cases.filter.approval.mine")}</span> : null}
          {filters.feedback ? <span className="badge ok">{t("cases.filter.feedback.waiting")}</span> : null}
          {filters.match ? <span className="badge ok">{t("cases.filter.match.pending")}</span> : null}
          {filters.approval ? <input type="hidden" name="approval" value={filters.approval} /> : null}
          {filters.feedback ? <input type="hidden" name="feedback" value={filters.feedback} /> : null}
          {filters.match ? <input type="hidden" name="match" value={filters.match} /> : null}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary">
          {t("cases.filter.submit")}
        </button>
        <Link to="/arenden">{t("cases.filter.clear")}</Link>
      </div>
    </Form>
  );
}

function Flags({ row }: { row: InboxRow }) {
  const t = useT();
  const flags = [
    row.violence ? "cases.flag.violence" : null,
    row.protectedIdentity ? "cases.flag.protectedIdentity" : null,
    row.urgent ? "cases.flag.urgent" : null,
    row.possibleMatch ? "matching.flag" : null,
  ].filter((f): f is string => f !== null);
  const repeated = row.reportCount >= 2;
  if (flags.length === 0 && !repeated) return <span aria-label={t("cases.case.noFlags")}>{t("cases.none")}</span>;
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge flag">
          {t(f)}
        </span>
      ))}
      {repeated ? (
        <span className="badge flag" title={t("cases.repeatedReports")}>
          {t("cases.reportsCount", { count: row.reportCount })}
        </span>
      ) : null}
    </>
  );
}

/**
 * One row per case, six columns that fit a desktop window without sideways scrolling; below
 * 48rem each row is laid out as a card (inbox.css), every cell with its label.
 * The 14-day date is not a column of its own: while it governs, it is the next deadline.
 */
export function InboxTable({ rows, today }: { rows: InboxRow[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="info">{t("cases.inbox.empty")}</p>;
  return (
    <table className="inbox-table card-table">
      <caption className="visually-hidden">{t("cases.inbox.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("cases.col.reference")}</th>
          <th scope="col">{t("cases.col.child")}</th>
          <th scope="col">{t("cases.col.state")}</th>
          <th scope="col">{t("cases.col.deadline")}</th>
          <th scope="col">{t("cases.col.flags")}</th>
          <th scope="col">{t("cases.col.assignee")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link to={`/arenden/${row.id}`}>{row.referenceNumber}</Link>
              {row.newAddition ? <span className="badge new">{t("cases.newAddition")}</span> : null}
              <span className="sub">{t("cases.received", { date: formatDateTime(locale, row.receivedAt) })}</span>
            </th>
            <td data-label={t("cases.col.child")}>
              {row.childName}
              {/* After a space: on a phone the birth date runs on in the same line (and is read so). */}
              {row.childBirthDate ? (
                <>
                  {" "}
                  <span className="sub">{t("cases.born", { date: formatDate(locale, row.childBirthDate) })}</span>
                </>
              ) : null}
            </td>
            <td data-label={t("cases.col.state")}>{t(`state.${row.state}`)}</td>
            <td data-label={t("cases.col.deadline")}>
              {row.nextDeadline && row.nextDeadlineKind ? (
                <>
                  <span className="sub">{t(`deadline.kind.${row.nextDeadlineKind}`)}</span>
                  {formatDate(locale, row.nextDeadline)}{" "}
                  <DeadlineBadge t={t} status={statusOn(row.nextDeadline, today)} />
                </>
              ) : (
                t("deadline.none")
              )}
            </td>
            <td data-label={t("cases.col.flags")}>
              <Flags row={row} />
            </td>
            <td data-label={t("cases.col.assignee")}>{row.assigneeName ?? t("cases.unassigned")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InboxPagination({
  filters,
  hasNext,
  nextAfter = null,
}: {
  filters: InboxFilters;
  hasNext: boolean;
  /** The next page's keyset cursor (see inboxRows). */
  nextAfter?: string | null;
}) {
  const t = useT();
  if (filters.page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t("cases.pagination")}>
      <ul className="pagination">
        {filters.page > 1 ? (
          <li>
            <Link to={`/arenden${inboxSearch({ ...filters, page: filters.page - 1, after: null })}`} rel="prev">
              {t("cases.pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("cases.pagination.page", { page: filters.page })}</li>
        {hasNext ? (
          <li>
            <Link to={`/arenden${inboxSearch({ ...filters, page: filters.page + 1, after: nextAfter })}`} rel="next">
              {t("cases.pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
