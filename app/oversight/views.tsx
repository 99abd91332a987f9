/** The auditors' pages' shared parts: their menu, an access-log table, a case history with hashes. */
import { Link, NavLink } from "@remix-run/react";

import { summarizeEvent } from "../cases/event-summary";
import { formatDateTime, useLocale, useT } from "../i18n";
import type { AccessEntry } from "./access-log.server";
import type { AuditEventView } from "./audit-cases.server";

export function OversightNav() {
  const t = useT();
  const links = [
    { to: "/granskning", label: t("audit.nav.search"), end: true },
    { to: "/granskning/loggkontroll", label: t("audit.nav.review"), end: false },
    { to: "/granskning/anvandare", label: t("audit.nav.users"), end: false },
    { to: "/granskning/export", label: t("audit.nav.export"), end: false },
  ];
  return (
    <nav aria-label={t("audit.nav.label")} className="sub-nav">
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** An access-log table; `show` picks whether to name the reader or the case on each row. */
export function AccessTable({ entries, show, caption }: { entries: AccessEntry[]; show: "reader" | "case"; caption: string }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return <p>{t("access.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="card-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("access.col.at")}</th>
            <th scope="col">{show === "reader" ? t("access.col.reader") : t("access.col.case")}</th>
            <th scope="col">{t("access.col.role")}</th>
            <th scope="col">{t("access.col.unit")}</th>
            <th scope="col">{t("access.col.action")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td data-label={t("access.col.at")}>
                <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
              </td>
              <td data-label={show === "reader" ? t("access.col.reader") : t("access.col.case")}>
                {show === "reader" ? (
                  <Link to={`/granskning/anvandare/${e.user.id}`}>{e.user.name}</Link>
                ) : e.case ? (
                  <Link to={`/granskning/arenden/${e.case.id}`}>{e.case.referenceNumber}</Link>
                ) : (
                  "–"
                )}
              </td>
              <td data-label={t("access.col.role")}>{e.role ? t(`role.${e.role}`) : "–"}</td>
              <td data-label={t("access.col.unit")}>{e.unitName ?? "–"}</td>
              <td data-label={t("access.col.action")}>
                {t(`access.action.${e.action}`)}
                {e.detail && e.action !== "letter" && e.action !== "review" ? <span className="muted"> ({e.detail})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every event of the case in order: who, when, what (in the reader's language), and its hash. */
export function HashedHistory({ events }: { events: AuditEventView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="history-table card-table">
        <caption className="visually-hidden">{t("audit.case.history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.history.seq")}</th>
            <th scope="col">{t("audit.history.at")}</th>
            <th scope="col">{t("audit.history.who")}</th>
            <th scope="col">{t("audit.history.what")}</th>
            <th scope="col">{t("audit.history.hash")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const summary = summarizeEvent(locale, e.event);
            return (
              <tr key={e.seq}>
                <td data-label={t("audit.history.seq")}>{e.seq}</td>
                <td data-label={t("audit.history.at")}>
                  <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
                </td>
                <td data-label={t("audit.history.who")}>{e.actorName}</td>
                <td data-label={t("audit.history.what")}>
                  <p>{summary.title}</p>
                  {summary.detail ? <p className="pre-wrap muted">{summary.detail}</p> : null}
                </td>
                <td data-label={t("audit.history.hash")}>
                  <code className="hash" title={t("audit.history.prevHash", { hash: e.prevHash })}>
                    {e.hash}
                  </code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
