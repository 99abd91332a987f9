import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { formatDateTime, translate, useLocale, useT, type Locale } from "~/i18n";
import { searchAuditCases } from "~/oversight/audit-cases.server";
import oversightStyles from "~/oversight/oversight.css";
import { auditSearchString } from "~/oversight/search-filters";
import { OversightNav } from "~/oversight/views";
import { STATE_NAMES } from "../../workflows/types";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "audit.search.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  return json(await searchAuditCases(db, user, new URL(request.url)), { headers: { "Cache-Control": "private, no-store" } });
}

export default function AuditSearch() {
  const t = useT();
  const locale = useLocale();
  const { search, searched, rows, hasNext, caseworkers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <OversightNav />
      <p>{t("audit.search.lead")}</p>
      <Form method="get" className="search-form" role="search" aria-label={t("audit.search.label")}>
        <div className="field">
          <label htmlFor="audit-q">{t("audit.search.q")}</label>
          <input id="audit-q" type="search" name="q" defaultValue={search.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("audit.search.from")}</label>
          <input id="audit-from" type="date" name="from" defaultValue={search.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.search.to")}</label>
          <input id="audit-to" type="date" name="to" defaultValue={search.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-state">{t("audit.search.state")}</label>
          <select id="audit-state" name="state" defaultValue={search.state ?? ""}>
            <option value="">{t("audit.search.anyState")}</option>
            <option value="open">{t("audit.search.open")}</option>
            {STATE_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-caseworker">{t("audit.search.caseworker")}</label>
          <select id="audit-caseworker" name="caseworker" defaultValue={search.caseworker ?? ""}>
            <option value="">{t("audit.search.anyone")}</option>
            {caseworkers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t("audit.search.submit")}
        </button>
      </Form>
      {!searched ? (
        <p className="muted">{t("audit.search.prompt")}</p>
      ) : rows.length === 0 ? (
        <p role="status">{t("audit.search.none")}</p>
      ) : (
        <>
          <p role="status">{t("audit.search.count", { count: rows.length + (hasNext ? "+" : "") })}</p>
          <div className="table-scroll">
            <table className="card-table">
              <caption className="visually-hidden">{t("audit.search.results")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.col.reference")}</th>
                  <th scope="col">{t("audit.col.child")}</th>
                  <th scope="col">{t("audit.col.unit")}</th>
                  <th scope="col">{t("audit.col.state")}</th>
                  <th scope="col">{t("audit.col.received")}</th>
                  <th scope="col">{t("audit.col.closed")}</th>
                  <th scope="col">{t("audit.col.caseworker")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/granskning/arenden/${r.id}`}>{r.referenceNumber}</Link>
                    </th>
                    <td data-label={t("audit.col.child")}>{r.childName}</td>
                    <td data-label={t("audit.col.unit")}>{r.unitName}</td>
                    <td data-label={t("audit.col.state")}>{t(`state.${r.state}`)}</td>
                    <td data-label={t("audit.col.received")}>{formatDateTime(locale, r.receivedAt)}</td>
                    <td data-label={t("audit.col.closed")}>{r.closedAt ? formatDateTime(locale, r.closedAt) : "–"}</td>
                    <td data-label={t("audit.col.caseworker")}>{r.assigneeName ?? t("audit.unassigned")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination" aria-label={t("audit.search.pages")}>
            {search.page > 1 ? <Link to={auditSearchString(search, search.page - 1) || "?"}>{t("audit.search.prev")}</Link> : null}
            {hasNext ? <Link to={auditSearchString(search, search.page + 1)}>{t("audit.search.next")}</Link> : null}
          </nav>
        </>
      )}
    </>
  );
}
