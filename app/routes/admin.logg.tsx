import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { listAdminLog } from "~/admin/admin-pages.server";
import { describeAdminChange } from "~/admin/log-detail";
import { AdminNav } from "~/admin/views";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { formatDateTime, translate, useLocale, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "admin.log.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const entries = await listAdminLog(db, user);
  if (!entries) throw new Response("Forbidden", { status: 403 });
  return json({ entries }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AdminLog() {
  const t = useT();
  const locale = useLocale();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.log.title")}</h1>
      <AdminNav />
      <p>{t("admin.log.lead")}</p>
      {entries.length === 0 ? (
        <p>{t("admin.log.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <caption className="visually-hidden">{t("admin.log.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("access.col.at")}</th>
                <th scope="col">{t("admin.log.who")}</th>
                <th scope="col">{t("admin.log.what")}</th>
                <th scope="col">{t("admin.log.target")}</th>
                <th scope="col">{t("admin.log.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("access.col.at")}>
                    <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
                  </td>
                  <td data-label={t("admin.log.who")}>{e.actorName}</td>
                  <td data-label={t("admin.log.what")}>{t(`admin.log.action.${e.action}`)}</td>
                  <td data-label={t("admin.log.target")}>{e.targetUserName ?? e.targetUnitName ?? "–"}</td>
                  <td data-label={t("admin.log.detail")} className="pre-wrap">{describeAdminChange(e.detail, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
