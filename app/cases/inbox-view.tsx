import { Form, Link } from "@remix-run/react";

import { formatDate, formatDateTime, useLocale, useT } from "../i18n";
import { DeadlineBadge, statusOn } from "./deadline-badge";
import { DEADLINE_FILTERS, inboxSearch, OPEN_STATES, SEARCH_MAX, STATE_GROUPS, type InboxFilters } from "./inbox-filters";
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
  ].filter((f): f is string => f !== null);
  if (flags.length === 0) return <span aria-label={t("cases.case.noFlags")}>{t("cases.none")}</span>;
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge flag">
          {t(f)}
        </span>
      ))}
    </>
  );
}

export function InboxTable({ rows, today }: { rows: InboxRow[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="info">{t("cases.inbox.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="inbox-table">
        <caption className="visually-hidden">{t("cases.inbox.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cases.col.reference")}</th>
            <th scope="col">{t("cases.col.child")}</th>
            <th scope="col">{t("cases.col.received")}</th>
            <th scope="col">{t("cases.col.state")}</th>
            <th scope="col">{t("cases.col.deadline")}</th>
            <th scope="col">{t("cases.col.decisionDue")}</th>
            <th scope="col">{t("cases.col.reports")}</th>
            <th scope="col">{t("cases.col.flags")}</th>
            <th scope="col">{t("cases.col.assignee")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            // The 14-day deadline runs until the decision; afterwards it is history.
            const decisionPending = row.nextDeadlineKind === "protectionAssessment" || row.nextDeadlineKind === "decision";
            return (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/arenden/${row.id}`}>{row.referenceNumber}</Link>
                  {row.newAddition ? <span className="badge new">{t("cases.newAddition")}</span> : null}
                </th>
                <td>
                  {row.childName}
                  {row.childBirthDate ? (
                    <span className="sub">{t("cases.born", { date: formatDate(locale, row.childBirthDate) })}</span>
                  ) : null}
                </td>
                <td>{formatDateTime(locale, row.receivedAt)}</td>
                <td>{t(`state.${row.state}`)}</td>
                <td>
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
                <td>
                  {row.decisionDue && decisionPending ? (
                    <>
                      {formatDate(locale, row.decisionDue)}{" "}
                      <DeadlineBadge t={t} status={statusOn(row.decisionDue, today)} />
                    </>
                  ) : (
                    t("cases.decisionTaken")
                  )}
                </td>
                <td>
                  {row.reportCount}
                  {row.reportCount >= 2 ? (
                    <>
                      {" "}
                      <span className="badge flag">{t("cases.repeatedReports")}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Flags row={row} />
                </td>
                <td>{row.assigneeName ?? t("cases.unassigned")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function InboxPagination({ filters, hasNext }: { filters: InboxFilters; hasNext: boolean }) {
  const t = useT();
  if (filters.page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t("cases.pagination")}>
      <ul className="pagination">
        {filters.page > 1 ? (
          <li>
            <Link to={`/arenden${inboxSearch({ ...filters, page: filters.page - 1 })}`} rel="prev">
              {t("cases.pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("cases.pagination.page", { page: filters.page })}</li>
        {hasNext ? (
          <li>
            <Link to={`/arenden${inboxSearch({ ...filters, page: filters.page + 1 })}`} rel="next">
              {t("cases.pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
