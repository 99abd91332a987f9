import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { loadAdminHome, performAdminHomeAction } from "~/admin/admin-pages.server";
import { MIN_PASSWORD } from "~/admin/schemas";
import { AdminNav, useFieldError, UserFields } from "~/admin/views";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { TextField } from "~/ui/fields";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "admin.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const data = await loadAdminHome(db, user);
  if (!data) throw new Response("Forbidden", { status: 403 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  const outcome = await performAdminHomeAction(db, user, form);
  if (outcome.ok) return redirect(`/admin/anvandare/${outcome.id}?ok=created`);
  return json(outcome.data, { status: outcome.status });
}

export default function AdminHome() {
  const t = useT();
  const { users, units, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = useFieldError(actionData, "createUser");
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <AdminNav />
      <p>{t("admin.lead")}</p>
      {params.get("ok") ? (
        <div className="success" role="status">
          <p>{t("admin.done.saved")}</p>
        </div>
      ) : null}
      <h2>{t("admin.users.title")}</h2>
      <div className="table-scroll">
        <table className="card-table">
          <caption className="visually-hidden">{t("admin.users.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.col.name")}</th>
              <th scope="col">{t("admin.col.email")}</th>
              <th scope="col">{t("admin.col.role")}</th>
              <th scope="col">{t("admin.col.unit")}</th>
              <th scope="col">{t("admin.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/anvandare/${u.id}`}>{u.name}</Link>
                </th>
                <td data-label={t("admin.col.email")}>{u.email}</td>
                <td data-label={t("admin.col.role")}>{t(`role.${u.role}`)}</td>
                <td data-label={t("admin.col.unit")}>{u.unitName ?? "–"}</td>
                <td data-label={t("admin.col.status")}>{u.active ? t("admin.status.active") : t("admin.status.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="case-section" aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t("admin.create.title")}</h2>
        {actionData?.message ? (
          <div className="alert" role="alert">
            <p>{t(actionData.message)}</p>
          </div>
        ) : null}
        <Form method="post" noValidate>
          <UserFields prefix="new" units={units} organisations={organisations} values={actionData?.values ?? {}} error={error} withEmail />
          <TextField
            id="new-password"
            name="password"
            type="password"
            label={t("admin.field.initialPassword")}
            hint={t("admin.field.passwordHint", { min: MIN_PASSWORD })}
            required
            autoComplete="new-password"
            error={error("password")}
          />
          <button type="submit" className="primary">
            {t("admin.create.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
