/**
 * The fields of the forms that change the case's facts (guardians, violence, protected
 * identity) and of the investigation's extension. Every change asks why.
 */
import { Link } from "@remix-run/react";

import { FACT_COMMANDS, VIOLENCE_KINDS } from "../../workflows/types";
import { formatDate, useLocale, useT } from "../i18n";
import type { CasePageData } from "./case-page.server";
import type { Fields } from "./command-forms";
import { commandFormId, type CommandFormContext, type FormCommand } from "./command-schemas";
import { Choices, Select, TextArea, TextInput } from "./form-controls";

type FactCommand = (typeof FACT_COMMANDS)[number] | "INVESTIGATION_EXTENSION_PROPOSED" | "INVESTIGATION_EXTENSION_APPROVED";

export function isFactCommand(intent: FormCommand): intent is FactCommand {
  return (
    (FACT_COMMANDS as readonly string[]).includes(intent) ||
    intent === "INVESTIGATION_EXTENSION_PROPOSED" ||
    intent === "INVESTIGATION_EXTENSION_APPROVED"
  );
}

export type FormGuardian = CommandFormContext["guardians"][number];

/** The page's query parameter naming the guardian whose details the correction form starts from. */
export const CORRECT_GUARDIAN_PARAM = "vardnadshavare";

/**
 * Whose details the correction form is filled with: the guardian the link named, or the only
 * one. None when there are several and none was named: the form then starts empty, as a
 * filled form beside a choice of someone else could rename that person.
 */
export function guardianToCorrect(guardians: readonly FormGuardian[], named: string | null): FormGuardian | null {
  return guardians.find((g) => g.id === named) ?? (guardians.length === 1 ? guardians[0]! : null);
}

/** What the correction form starts with: the guardian's details as the case holds them. */
export function correctionDefaults(g: FormGuardian) {
  return { guardianId: g.id, name: g.name, address: g.address ?? "", addressShown: g.addressWithheld ? "" : "yes", custody: g.custody ? "yes" : "no" };
}

function GuardianLinks({ guardians, lead }: { guardians: readonly FormGuardian[]; lead: string }) {
  return (
    <p>
      {lead}{" "}
      {guardians.map((g, i) => (
        <span key={g.id}>
          {i > 0 ? ", " : null}
          <Link to={`?${CORRECT_GUARDIAN_PARAM}=${g.id}#${commandFormId("GUARDIAN_CORRECTED")}`} preventScrollReset>
            {g.name}
          </Link>
        </span>
      ))}
    </p>
  );
}

export function FactFields({
  intent,
  fields,
  data,
  correcting,
}: {
  intent: FactCommand;
  fields: Fields;
  data: CasePageData;
  /** The guardian the correction form is filled with (guardianToCorrect), if any. */
  correcting: FormGuardian | null;
}) {
  const t = useT();
  const locale = useLocale();
  const ctx = data.formContext;
  const guardians = ctx.guardians.map((g) => ({ value: g.id, label: g.name }));
  const yesNo = (key: string) => [
    { value: "yes", label: t(`${key}.yes`) },
    { value: "no", label: t(`${key}.no`) },
  ];
  const reason = <TextArea field={fields.reason} label={t("cases.field.factReason")} hint={t("cases.field.factReason.hint")} />;
  const guardian = <Select field={fields.guardianId} label={t("cases.field.guardian")} options={guardians} />;
  switch (intent) {
    case "GUARDIAN_ADDED":
      return (
        <>
          <TextInput field={fields.name} label={t("cases.field.guardianName")} />
          <TextArea field={fields.address} label={t("cases.field.address")} />
          <Choices field={fields.custody} legend={t("cases.field.custody")} type="radio" options={yesNo("cases.field.custody")} />
          <Choices
            field={fields.confirmed}
            legend={t("cases.field.confirmed")}
            type="checkbox"
            options={[{ value: "yes", label: t("cases.field.confirmed.yes") }]}
          />
          {reason}
        </>
      );
    case "GUARDIAN_CORRECTED": {
      // Filled with what the case holds, so a correction changes only what is typed over.
      const others = ctx.guardians.filter((g) => g.id !== correcting?.id);
      return (
        <>
          {correcting ? (
            <>
              <input type="hidden" name={fields.guardianId.name} value={correcting.id} />
              {correcting.addressWithheld ? null : <input type="hidden" name={fields.addressShown.name} value="yes" />}
              <p>
                <strong>{t("cases.field.guardian")}:</strong> {correcting.name}
              </p>
              {others.length > 0 ? <GuardianLinks guardians={others} lead={t("cases.field.guardian.other")} /> : null}
            </>
          ) : (
            <>
              {others.length > 0 ? <GuardianLinks guardians={others} lead={t("cases.field.guardian.pick")} /> : null}
              {guardian}
            </>
          )}
          <TextInput field={fields.name} label={t("cases.field.guardianName")} />
          <TextArea
            field={fields.address}
            label={t("cases.field.address")}
            hint={
              correcting?.addressWithheld
                ? t("cases.field.address.withheld")
                : correcting
                  ? undefined
                  : t("cases.field.address.keep")
            }
          />
          <Choices field={fields.custody} legend={t("cases.field.custody")} type="radio" options={yesNo("cases.field.custody")} />
          {reason}
        </>
      );
    }
    case "CHILD_ADDRESS_CORRECTED":
      return (
        <>
          <TextArea
            field={fields.address}
            label={t("cases.field.childAddress")}
            hint={t(ctx.child.addressWithheld ? "cases.field.childAddress.withheld" : "cases.field.childAddress.hint")}
          />
          <Choices
            field={fields.addressUnknown}
            legend={t("cases.field.addressUnknown")}
            type="checkbox"
            options={[{ value: "yes", label: t("cases.field.addressUnknown.yes") }]}
          />
          {reason}
        </>
      );
    case "GUARDIAN_CONFIRMED":
    case "GUARDIAN_REMOVED":
      return (
        <>
          {guardian}
          {reason}
        </>
      );
    case "GUARDIAN_SUSPECTED":
      return (
        <>
          {guardian}
          <Choices field={fields.suspected} legend={t("cases.field.suspected")} type="radio" options={yesNo("cases.field.suspected")} />
          {reason}
        </>
      );
    case "VIOLENCE_FLAG_SET":
      return (
        <>
          <Choices
            field={fields.kinds}
            legend={t("cases.field.violenceKinds")}
            type="checkbox"
            options={VIOLENCE_KINDS.map((k) => ({ value: k, label: t(`cases.violenceKind.${k}`) }))}
          />
          {reason}
        </>
      );
    case "VIOLENCE_FLAG_CLEARED":
      return reason;
    case "PROTECTED_IDENTITY_SET":
      return (
        <>
          <Select
            field={fields.person}
            label={t("cases.field.person")}
            options={[{ value: "child", label: t("cases.field.person.child", { name: data.child.name }) }, ...guardians]}
          />
          <Choices
            field={fields.protectedIdentity}
            legend={t("cases.field.protectedIdentity")}
            type="radio"
            options={yesNo("cases.field.protectedIdentity")}
          />
          {reason}
        </>
      );
    case "INVESTIGATION_EXTENSION_PROPOSED":
      return (
        <>
          <TextInput
            field={fields.until}
            label={t("cases.field.until")}
            type="date"
            min={ctx.today}
            hint={ctx.extendable.investigation ? t("deadline.due", { date: formatDate(locale, ctx.extendable.investigation) }) : undefined}
          />
          <TextArea field={fields.reason} label={t("cases.field.specialReasons")} hint={t("cases.field.specialReasons.hint")} />
        </>
      );
    case "INVESTIGATION_EXTENSION_APPROVED": {
      const proposal = data.record.extensionProposal;
      return proposal ? (
        <p className="pre-wrap">
          {t("cases.record.extensionProposal", {
            date: formatDate(locale, proposal.until),
            name: proposal.by.name,
            reason: proposal.reason,
          })}
        </p>
      ) : null;
    }
  }
}
