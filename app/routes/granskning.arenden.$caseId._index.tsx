import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Reports } from "~/cases/report-view";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { formatDate, formatDateTime, translate, useLocale, useT, type Locale } from "~/i18n";
import { loadAuditCase } from "~/oversight/audit-cases.server";
import oversightStyles from "~/oversight/oversight.css";
import { AccessTable, HashedHistory, OversightNav } from "~/oversight/views";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: data ? translate(locale, "audit.case.metaTitle", { reference: data.case.referenceNumber }) : "Värna" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const data = await loadAuditCase(db, user, params.caseId ?? "");
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AuditCase() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const c = data.case;
  const exportBase = `/granskning/arenden/${c.id}/historik`;
  return (
    <>
      <OversightNav />
      <div className="case-header">
        <h1>{t("audit.case.title", { reference: c.referenceNumber })}</h1>
        <span>{t(`state.${c.state}`)}</span>
      </div>
      <p className="info">{t("audit.case.readOnly")}</p>
      <dl className="facts">
        <dt>{t("audit.col.unit")}</dt>
        <dd>{c.unitName}</dd>
        <dt>{t("audit.col.child")}</dt>
        <dd>
          {data.child.name}
          {data.child.personalNumber ? `, ${data.child.personalNumber}` : data.child.birthDate ? `, ${formatDate(locale, data.child.birthDate)}` : ""}
        </dd>
        <dt>{t("audit.col.received")}</dt>
        <dd>{formatDateTime(locale, c.receivedAt)}</dd>
        <dt>{t("audit.col.closed")}</dt>
        <dd>{c.closedAt ? formatDateTime(locale, c.closedAt) : t("audit.case.stillOpen")}</dd>
        <dt>{t("audit.col.caseworker")}</dt>
        <dd>{c.assigneeName ?? t("audit.unassigned")}</dd>
        <dt>{t("audit.case.flags")}</dt>
        <dd>
          {[c.violence ? t("audit.flag.violence") : null, c.urgent ? t("audit.flag.urgent") : null, c.protectedIdentity ? t("audit.flag.protected") : null]
            .filter(Boolean)
            .join(", ") || "–"}
        </dd>
      </dl>

      <section className="case-section screen-only" aria-labelledby="export-title">
        <h2 id="export-title">{t("audit.case.exports")}</h2>
        <ul className="export-links">
          <li>
            <a href={`${exportBase}.pdf`} download>
              {t("audit.case.exportPdf")}
            </a>
          </li>
          <li>
            <a href={`${exportBase}.json`} download>
              {t("audit.case.exportJson")}
            </a>
          </li>
          <li>
            <a href={`${exportBase}.csv`} download>
              {t("audit.case.exportCsv")}
            </a>
          </li>
        </ul>
      </section>

      <section className="case-section" aria-labelledby="audit-history-title">
        <h2 id="audit-history-title">{t("audit.case.history")}</h2>
        <p className="muted">{t("audit.case.historyLead", { count: data.events.length })}</p>
        <HashedHistory events={data.events} />
      </section>

      <Reports reports={data.reports} />

      <section className="case-section" aria-labelledby="audit-letters-title">
        <h2 id="audit-letters-title">{t("cases.letters.title")}</h2>
        {data.letters.length === 0 ? (
          <p>{t("cases.letters.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="card-table">
              <thead>
                <tr>
                  <th scope="col">{t("cases.letters.kind")}</th>
                  <th scope="col">{t("cases.letters.recipient")}</th>
                  <th scope="col">{t("cases.letters.created")}</th>
                  <th scope="col">{t("cases.letters.file")}</th>
                  <th scope="col">{t("audit.letters.sha256")}</th>
                </tr>
              </thead>
              <tbody>
                {data.letters.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{t(`cases.letter.${l.kind}`)}</th>
                    <td data-label={t("cases.letters.recipient")}>{l.recipientName ?? t("cases.unknown")}</td>
                    <td data-label={t("cases.letters.created")}>{formatDateTime(locale, l.createdAt)}</td>
                    <td data-label={t("cases.letters.file")}>
                      <a href={`/granskning/arenden/${c.id}/brev/${l.id}`} download={l.fileName}>
                        {t("cases.letters.download", { name: l.fileName })}
                      </a>
                    </td>
                    <td data-label={t("audit.letters.sha256")}>
                      <code className="hash">{l.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="case-section" aria-labelledby="audit-access-title">
        <h2 id="audit-access-title">{t("audit.case.access")}</h2>
        <p className="muted">{t("audit.case.accessLead")}</p>
        <AccessTable entries={data.accessLog} show="reader" caption={t("audit.case.access")} />
      </section>
      <p className="screen-only">
        <Link to="/granskning">{t("audit.case.back")}</Link>
      </p>
    </>
  );
}
