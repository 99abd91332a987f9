import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { listAuditedUsers } from "~/oversight/user-access.server";
import { OversightNav } from "~/oversight/views";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "audit.users.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  return json({ users: (await listAuditedUsers(db, user)) ?? [] }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function AuditedUsers() {
  const t = useT();
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.users.title")}</h1>
      <OversightNav />
      <p>{t("audit.users.lead")}</p>
      <div className="table-scroll">
        <table className="card-table">
          <caption className="visually-hidden">{t("audit.users.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.col.name")}</th>
              <th scope="col">{t("admin.col.role")}</th>
              <th scope="col">{t("admin.col.unit")}</th>
              <th scope="col">{t("admin.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/granskning/anvandare/${u.id}`}>{u.name}</Link>
                </th>
                <td data-label={t("admin.col.role")}>{t(`role.${u.role}`)}</td>
                <td data-label={t("admin.col.unit")}>{u.unitName}</td>
                <td data-label={t("admin.col.status")}>{u.active ? t("admin.status.active") : t("admin.status.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
