import type { Translate } from "../i18n";

/** The admin form's label of each field a log entry's detail may name (admin.server.ts writes them). */
const FIELD_LABELS: Record<string, string> = {
  email: "admin.field.email",
  name: "admin.field.name",
  role: "admin.field.role",
  unitId: "admin.field.unit",
  organisationId: "admin.field.organisation",
  phone: "admin.field.phone",
  title: "admin.field.title",
  municipality: "admin.field.municipality",
  address: "admin.field.address",
  officeHours: "admin.field.officeHours",
  deputyApproverId: "admin.field.deputy",
  contactUserId: "admin.field.contact",
};

/**
 * A logged change in the admin's words: "Roll: Handläggare → Arbetsledare; Enhet: …". Fields by
 * their form labels, roles by their names, ids already replaced by names (listAdminLog); a key
 * not known here is shown as it is, so nothing logged is ever hidden.
 */
export function describeAdminChange(detail: Record<string, unknown>, t: Translate): string {
  const value = (key: string, v: unknown): string =>
    v === null || v === undefined || v === "" ? "–" : key === "role" && typeof v === "string" ? t(`role.${v}`) : String(v);
  return Object.entries(detail)
    .map(([key, v]) => {
      const label = FIELD_LABELS[key] ? t(FIELD_LABELS[key]!) : key;
      return Array.isArray(v) && v.length === 2 ? `${label}: ${value(key, v[0])} → ${value(key, v[1])}` : `${label}: ${value(key, v)}`;
    })
    .join("; ");
}
