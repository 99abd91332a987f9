import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { loadAdminUnit, performAdminUnitAction } from "~/admin/admin-pages.server";
import { adminEditAction, adminEditLoader } from "~/admin/edit-route.server";
import { AdminNav, useFieldError } from "~/admin/views";
import casesStyles from "~/cases/cases.css";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { SelectField, TextAreaField, TextField } from "~/ui/fields";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  // A new unit's form is named like a unit's page: "Ny enhet – Administration – Värna".
  const name = data?.unit ? data.unit.name : translate(locale, "admin.units.create");
  return [{ title: translate(locale, "admin.unit.metaTitle", { name }) }];
};

/** "/admin/enheter/ny" is the form for a new unit. */
const unitIdOf = (param: string | undefined) => (param === "ny" ? null : (param ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  return adminEditLoader(request, (db, admin) => loadAdminUnit(db, admin, unitIdOf(params.unitId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return adminEditAction(request, (db, admin, form) => performAdminUnitAction(db, admin, unitIdOf(params.unitId), form), (id) => `/admin/enheter/${id}`);
}

export default function AdminUnit() {
  const t = useT();
  const { unit, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = useFieldError(actionData, "saveUnit");
  const [params] = useSearchParams();
  const values: Record<string, string | null | undefined> = actionData?.values ?? unit ?? {};
  return (
    <>
      <h1>{unit ? unit.name : t("admin.units.create")}</h1>
      <AdminNav />
      {params.get("ok") && !actionData ? (
        <div className="success" role="status">
          <p>{t("admin.done.saveUnit")}</p>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="alert" role="alert">
          <p>{t(actionData.message)}</p>
        </div>
      ) : null}
      <p>{t("admin.unit.lead")}</p>
      <Form method="post" noValidate>
        <TextField id="unit-name" name="name" label={t("admin.field.unitName")} required defaultValue={values.name ?? ""} error={error("name")} />
        <TextField
          id="unit-municipality"
          name="municipality"
          label={t("admin.field.municipality")}
          hint={t("admin.field.municipalityHint")}
          required
          defaultValue={values.municipality ?? ""}
          error={error("municipality")}
        />
        <TextAreaField
          id="unit-address"
          name="address"
          label={t("admin.field.address")}
          hint={t("admin.field.addressHint")}
          required
          rows={3}
          defaultValue={values.address ?? ""}
          error={error("address")}
        />
        <TextField
          id="unit-phone"
          name="phone"
          type="tel"
          label={t("admin.field.phone")}
          hint={t("admin.field.unitPhoneHint")}
          required
          defaultValue={values.phone ?? ""}
          error={error("phone")}
        />
        <TextField
          id="unit-hours"
          name="officeHours"
          label={t("admin.field.officeHours")}
          hint={t("admin.field.officeHoursHint")}
          defaultValue={values.officeHours ?? ""}
          error={error("officeHours")}
        />
        {unit ? (
          <SelectField
            id="unit-deputy"
            name="deputyApproverId"
            label={t("admin.field.deputy")}
            hint={t("admin.field.deputyHint")}
            defaultValue={values.deputyApproverId ?? ""}
            error={error("deputyApproverId")}
            placeholder={t("admin.field.noDeputy")}
            options={candidates.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        <button type="submit" className="primary">
          {t("admin.unit.save")}
        </button>
      </Form>
      <p>
        <Link to="/admin/enheter">{t("admin.units.back")}</Link>
      </p>
    </>
  );
}
