/** The admin pages' shared parts: their menu and the user form's fields. */
import { NavLink } from "@remix-run/react";

import { roles, type Role } from "../auth/roles";
import { useT } from "../i18n";
import { SelectField, TextField } from "../ui/fields";
import type { AdminFormData } from "./admin-pages.server";

export function AdminNav() {
  const t = useT();
  return (
    <nav aria-label={t("admin.nav.label")} className="sub-nav">
      <ul>
        <li>
          <NavLink to="/admin" end>
            {t("admin.nav.users")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/enheter">{t("admin.nav.units")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/organisationer">{t("admin.nav.organisations")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/logg">{t("admin.nav.log")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** The error of one field of a failed form, translated; only for the form that was sent. */
export function useFieldError(data: AdminFormData | undefined, intent: string) {
  const t = useT();
  return (field: string) => (data?.intent === intent && data.fieldErrors[field] ? t(data.fieldErrors[field]!) : undefined);
}

export function UserFields({
  prefix,
  units,
  organisations,
  values,
  error,
  withEmail,
}: {
  prefix: string;
  units: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  values: {
    email?: string;
    name?: string;
    role?: Role | string;
    unitId?: string | null;
    phone?: string | null;
    title?: string | null;
    organisationId?: string | null;
  };
  error: (field: string) => string | undefined;
  withEmail: boolean;
}) {
  const t = useT();
  return (
    <>
      {withEmail ? (
        <TextField id={`${prefix}-email`} name="email" type="email" label={t("admin.field.email")} required defaultValue={values.email ?? ""} error={error("email")} autoComplete="off" />
      ) : null}
      <TextField id={`${prefix}-name`} name="name" label={t("admin.field.name")} required defaultValue={values.name ?? ""} error={error("name")} autoComplete="off" />
      <SelectField
        id={`${prefix}-role`}
        name="role"
        label={t("admin.field.role")}
        required
        defaultValue={values.role ?? "caseworker"}
        error={error("role")}
        options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      <SelectField
        id={`${prefix}-unit`}
        name="unitId"
        label={t("admin.field.unit")}
        hint={t("admin.field.unitHint")}
        defaultValue={values.unitId ?? ""}
        error={error("unitId")}
        placeholder={t("admin.field.noUnit")}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextField id={`${prefix}-phone`} name="phone" type="tel" label={t("admin.field.phone")} defaultValue={values.phone ?? ""} error={error("phone")} />
      <TextField id={`${prefix}-title`} name="title" label={t("admin.field.title")} defaultValue={values.title ?? ""} error={error("title")} />
      <SelectField
        id={`${prefix}-organisation`}
        name="organisationId"
        label={t("admin.field.organisation")}
        hint={t("admin.field.organisationHint")}
        defaultValue={values.organisationId ?? ""}
        error={error("organisationId")}
        placeholder={t("admin.field.noOrganisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
    </>
  );
}
