import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { loadAdminOrganisation, performAdminOrganisationAction } from "~/admin/admin-pages.server";
import { AdminNav, useFieldError } from "~/admin/views";
import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { SelectField, TextField } from "~/ui/fields";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [
    {
      title: data?.organisation
        ? translate(locale, "admin.organisation.metaTitle", { name: data.organisation.name })
        : translate(locale, "admin.organisations.create"),
    },
  ];
};

/** "/admin/organisationer/ny" is the form for a new organisation. */
const organisationIdOf = (param: string | undefined) => (param === "ny" ? null : (param ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const data = await loadAdminOrganisation(db, user, organisationIdOf(params.organisationId));
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.admin);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  const outcome = await performAdminOrganisationAction(db, user, organisationIdOf(params.organisationId), form);
  if (outcome.ok) return redirect(`/admin/organisationer/${outcome.id}?ok=saveOrganisation`);
  if (outcome.status === 404) throw new Response("Not found", { status: 404 });
  return json(outcome.data, { status: outcome.status });
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
