import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { loadAdminOrganisations } from "~/admin/admin-pages.server";
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
  return [{ title: translate(locale, "admin.organisations.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const organisations = await loadAdminOrganisations(db, user);
  if (!organisations) throw new Response("Forbidden", { status: 403 });
  return json({ organisations }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AdminOrganisations() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.organisations.title")}</h1>
      <AdminNav />
      <p>{t("admin.organisations.lead")}</p>
      {organisations.length === 0 ? (
        <p>{t("admin.organisations.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <caption className="visually-hidden">{t("admin.organisations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.field.organisationName")}</th>
                <th scope="col">{t("admin.col.unit")}</th>
                <th scope="col">{t("admin.field.contact")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/admin/organisationer/${o.id}`}>{o.name}</Link>
                  </th>
                  <td data-label={t("admin.col.unit")}>{o.unitName}</td>
                  <td data-label={t("admin.field.contact")}>{o.contactName ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/admin/organisationer/ny" className="button">
          {t("admin.organisations.create")}
        </Link>
      </p>
    </>
  );
}
