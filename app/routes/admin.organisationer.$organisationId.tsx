import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { loadAdminOrganisation, performAdminOrganisationAction } from "~/admin/admin-pages.server";
import { adminEditAction, adminEditLoader } from "~/admin/edit-route.server";
import { AdminNav, useFieldError } from "~/admin/views";
import casesStyles from "~/cases/cases.css";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { SelectField, TextField } from "~/ui/fields";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  // A new organisation's form is named like an organisation's page.
  const name = data?.organisation ? data.organisation.name : translate(locale, "admin.organisations.create");
  return [{ title: translate(locale, "admin.organisation.metaTitle", { name }) }];
};

/** "/admin/organisationer/ny" is the form for a new organisation. */
const organisationIdOf = (param: string | undefined) => (param === "ny" ? null : (param ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  return adminEditLoader(request, (db, admin) => loadAdminOrganisation(db, admin, organisationIdOf(params.organisationId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return adminEditAction(request, (db, admin, form) => performAdminOrganisationAction(db, admin, organisationIdOf(params.organisationId), form), (id) => `/admin/organisationer/${id}`);
}

export default function AdminOrganisation() {
  const t = useT();
  const { organisation, candidates, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = useFieldError(actionData, "saveOrganisation");
  const [params] = useSearchParams();
  const values: Record<string, string | null | undefined> = actionData?.values ?? organisation ?? {};
  return (
    <>
      <h1>{organisation ? organisation.name : t("admin.organisations.create")}</h1>
      <AdminNav />
      {params.get("ok") && !actionData ? (
        <div className="success" role="status">
          <p>{t("admin.done.saveOrganisation")}</p>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="alert" role="alert">
          <p>{t(actionData.message)}</p>
        </div>
      ) : null}
      <p>{t("admin.organisation.lead")}</p>
      <Form method="post" noValidate>
        <TextField id="organisation-name" name="name" label={t("admin.field.organisationName")} required defaultValue={values.name ?? ""} error={error("name")} />
        {organisation ? (
          <>
            <p>
              {t("admin.col.unit")}: {organisation.unitName}
            </p>
            <SelectField
              id="organisation-contact"
              name="contactUserId"
              label={t("admin.field.contact")}
              hint={t("admin.field.contactHint")}
              defaultValue={values.contactUserId ?? ""}
              error={error("contactUserId")}
              placeholder={t("admin.field.noContact")}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
            />
          </>
        ) : (
          <SelectField
            id="organisation-unit"
            name="unitId"
            label={t("admin.field.unit")}
            hint={t("admin.field.organisationUnitHint")}
            required
            defaultValue={values.unitId ?? ""}
            error={error("unitId")}
            placeholder={t("admin.field.chooseUnit")}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        )}
        <button type="submit" className="primary">
          {t("admin.organisation.save")}
        </button>
      </Form>
      <p>
        <Link to="/admin/organisationer">{t("admin.organisations.back")}</Link>
      </p>
    </>
  );
}
