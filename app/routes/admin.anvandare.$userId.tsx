import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { loadAdminUser, performAdminUserAction } from "~/admin/admin-pages.server";
import { adminEditAction, adminEditLoader } from "~/admin/edit-route.server";
import { MIN_PASSWORD } from "~/admin/schemas";
import { AdminNav, useFieldError, UserFields } from "~/admin/views";
import casesStyles from "~/cases/cases.css";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { TextField } from "~/ui/fields";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: data ? translate(locale, "admin.user.metaTitle", { name: data.user.name }) : "Värna" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  return adminEditLoader(request, (db, admin) => loadAdminUser(db, admin, params.userId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return adminEditAction(request, (db, admin, form) => performAdminUserAction(db, admin, params.userId ?? "", form), (id) => `/admin/anvandare/${id}`);
}

export default function AdminUser() {
  const t = useT();
  const { user, units, organisations, self } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("ok");
  const updateError = useFieldError(actionData, "update");
  const passwordError = useFieldError(actionData, "resetPassword");
  return (
    <>
      <h1>{user.name}</h1>
      <AdminNav />
      <p>
        {user.email} · {t(`role.${user.role}`)}
        {user.unitName ? `, ${user.unitName}` : ""} · {user.active ? t("admin.status.active") : t("admin.status.inactive")}
      </p>
      {done && !actionData ? (
        <div className="success" role="status">
          <p>{t(`admin.done.${done}`)}</p>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="alert" role="alert">
          <p>{t(actionData.message)}</p>
        </div>
      ) : null}

      <section className="case-section" aria-labelledby="edit-title">
        <h2 id="edit-title">{t("admin.user.edit")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <UserFields
            prefix="edit"
            units={units}
            organisations={organisations}
            values={actionData?.intent === "update" ? actionData.values : user}
            error={updateError}
            withEmail={false}
          />
          <button type="submit" className="primary">
            {t("admin.user.save")}
          </button>
        </Form>
      </section>

      <section className="case-section" aria-labelledby="password-title">
        <h2 id="password-title">{t("admin.user.resetTitle")}</h2>
        <p>{t("admin.user.resetLead")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="resetPassword" />
          <TextField
            id="reset-password"
            name="password"
            type="password"
            label={t("admin.field.newPassword")}
            hint={t("admin.field.passwordHint", { min: MIN_PASSWORD })}
            required
            autoComplete="new-password"
            error={passwordError("password")}
          />
          <button type="submit">{t("admin.user.reset")}</button>
        </Form>
      </section>

      {self ? null : (
        <section className="case-section" aria-labelledby="active-title">
          <h2 id="active-title">{user.active ? t("admin.user.deactivateTitle") : t("admin.user.reactivateTitle")}</h2>
          <p>{user.active ? t("admin.user.deactivateLead") : t("admin.user.reactivateLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
            <button type="submit">{user.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}</button>
          </Form>
        </section>
      )}
      <p>
        <Link to="/admin">{t("admin.back")}</Link>
      </p>
    </>
  );
}
