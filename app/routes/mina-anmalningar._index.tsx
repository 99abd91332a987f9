import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { formatDateTime, useLocale, useT } from "~/i18n";
import { myReports } from "~/intake/my-reports.server";

export const meta: MetaFunction = () => [{ title: "Mina anmälningar – Värna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.myReports);
  return { reports: await myReports(db, user) };
}

export default function MyReportsPage() {
  const { reports } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("myReports.title")}</h1>
      {params.get("kompletterad") === "1" ? (
        <div className="success" role="status">
          <p>{t("supplement.own.done")}</p>
        </div>
      ) : null}
      <p>{t("myReports.lead")}</p>
      <p>
        <Link className="button" to="/anmalan">
          {t("nav.report")}
        </Link>
      </p>
      {reports.length === 0 ? (
        <p>{t("myReports.none")}</p>
      ) : (
        <table className="card-table">
          <caption className="visually-hidden">{t("myReports.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("myReports.reference")}</th>
              <th scope="col">{t("myReports.received")}</th>
              <th scope="col">{t("myReports.child")}</th>
              <th scope="col">{t("myReports.feedback")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td data-label={t("myReports.reference")}>
                  {r.reportNumber}
                  {r.receiptLetterId ? (
                    <>
                      {" · "}
                      <a href={`/mina-anmalningar/brev/${r.receiptLetterId}`}>{t("myReports.receipt")}</a>
                    </>
                  ) : null}
                  {r.own ? (
                    <>
                      {" · "}
                      <Link to={`/mina-anmalningar/${r.id}/komplettera`} aria-label={`${t("supplement.own.link")} ${r.reportNumber}`}>
                        {t("supplement.own.link")}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td data-label={t("myReports.received")}>{formatDateTime(locale, r.receivedAt)}</td>
                <td data-label={t("myReports.child")}>
                  {r.childName}
                  {r.madeBy ? (
                    <>
                      <br />
                      <span className="muted">{t("myReports.madeBy", { name: r.madeBy })}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={t("myReports.feedback")}>
                  {r.feedback.length === 0 ? (
                    <span className="muted">{t("myReports.noFeedback")}</span>
                  ) : (
                    <ul>
                      {r.feedback.map((f) => (
                        <li key={f.letterId}>
                          {t(`feedback.${f.outcome ?? "unknown"}`)} ({formatDateTime(locale, f.at)}) –{" "}
                          <a href={`/mina-anmalningar/brev/${f.letterId}`}>{t("myReports.letter")}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
