import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { loadAdminHome } from "~/admin/admin-pages.server";
import { AdminNav } from "~/admin/views";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "admin.units.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const data = await loadAdminHome(db, user);
  if (!data) throw new Response("Forbidden", { status: 403 });
  return json({ units: data.unitDetails }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AdminUnits() {
  const t = useT();
  const { units } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.units.title")}</h1>
      <AdminNav />
      <p>{t("admin.units.lead")}</p>
      <div className="table-scroll">
        <table className="card-table">
          <caption className="visually-hidden">{t("admin.units.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.col.unit")}</th>
              <th scope="col">{t("admin.field.municipality")}</th>
              <th scope="col">{t("admin.field.address")}</th>
              <th scope="col">{t("admin.field.phone")}</th>
              <th scope="col">{t("admin.field.officeHours")}</th>
              <th scope="col">{t("admin.field.deputy")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/enheter/${u.id}`}>{u.name}</Link>
                </th>
                <td data-label={t("admin.field.municipality")}>{u.municipality}</td>
                <td data-label={t("admin.field.address")} className="pre-wrap">{u.address ?? "–"}</td>
                <td data-label={t("admin.field.phone")}>{u.phone ?? "–"}</td>
                <td data-label={t("admin.field.officeHours")}>{u.officeHours ?? "–"}</td>
                <td data-label={t("admin.field.deputy")}>{u.deputyApproverName ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="/admin/enheter/ny" className="button">
          {t("admin.units.create")}
        </Link>
      </p>
    </>
  );
}
