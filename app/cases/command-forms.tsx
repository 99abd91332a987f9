/**
 * One form per command the statechart offers this user now (data.commands). Each posts
 * `intent` (the command type) and `version` (the case version this page shows); the same
 * zod schema validates in the browser and on the server. Plain HTML forms inside
 * <details>: everything works with JavaScript turned off.
 */
import { getFormProps, useForm, type FieldMetadata, type Submission } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";

import { DECISION_OUTCOMES, SUPPORT_MEASURES } from "../../workflows/types";
import { formatDate, formatDateTime, useLocale, useT } from "../i18n";
import { checkWhenSent } from "../ui/check-when-sent";
import { FormErrors } from "../ui/form-errors";
import type { CaseActionData, CasePageData } from "./case-page.server";
import { ProposalText } from "./case-view";
import { commandFormId, parseCommandInBrowser, translateMessage, type CommandFormContext, type FormCommand } from "./command-schemas";
import { correctionDefaults, CORRECT_GUARDIAN_PARAM, FactFields, guardianToCorrect, isFactCommand, type FormGuardian } from "./fact-fields";
import { Choices, Select, TextArea, TextInput } from "./form-controls";
import { supportMeasureNames } from "./support";

type FieldName =
  | "needsProtection"
  | "assessment"
  | "assignee"
  | "date"
  | "time"
  | "place"
  | "invitees"
  | "participants"
  | "participantsOther"
  | "notes"
  | "note"
  | "outcome"
  | "reasoning"
  | "support"
  | "childNotHeardReason"
  | "transferTo"
  | "comment"
  | "summary"
  | "text"
  | "deadline"
  | "until"
  | "reason"
  | "reportId"
  | "lateConfirmed"
  | "childAnswer"
  | "guardianId"
  | "name"
  | "address"
  | "addressUnknown"
  | "addressShown"
  | "custody"
  | "confirmed"
  | "suspected"
  | "kinds"
  | "person"
  | "protectedIdentity"
  | "withholdFeedback"
  | "feedbackWithheldReason";
export type Fields = { [K in FieldName]: FieldMetadata<unknown> };


function CommandFields({
  intent,
  fields,
  data,
  correcting,
}: {
  intent: FormCommand;
  fields: Fields;
  data: CasePageData;
  /** The guardian whose details the correction form holds (GUARDIAN_CORRECTED only). */
  correcting: FormGuardian | null;
}) {
  const t = useT();
  const locale = useLocale();
  const ctx = data.formContext;
  const personLabel = (p: CommandFormContext["invitees"][number]) =>
    t(p.role === "child" ? "cases.field.invitees.child" : "cases.field.invitees.guardian", { name: p.name });
  const people = ctx.invitees.map((p) => ({ value: p.name, label: personLabel(p) }));
  // Inviting, a letter goes to each one ticked: say whose would carry no address.
  const invitable = ctx.invitees.map((p) => ({
    value: p.name,
    label: p.addressMissing ? `${personLabel(p)} – ${t("cases.field.invitees.noAddress")}` : personLabel(p),
  }));
  const measures = SUPPORT_MEASURES.map((m) => ({ value: m, label: supportMeasureNames[locale][m] }));

  if (isFactCommand(intent)) return <FactFields intent={intent} fields={fields} data={data} correcting={correcting} />;
  switch (intent) {
    case "PROTECTION_ASSESSED":
      return (
        <>
          {/* Each report gets its own assessment: name which one. */}
          <Choices
            field={fields.reportId}
            legend={t("cases.field.reportId")}
            type="radio"
            options={ctx.unassessed.map((r) => ({
              value: r.id,
              label: t("cases.field.reportId.option", {
                n: data.reports.findIndex((x) => x.id === r.id) + 1,
                at: formatDateTime(locale, r.receivedAt),
              }),
            }))}
          />
          <Choices
            field={fields.needsProtection}
            legend={t("cases.field.needsProtection")}
            type="radio"
            options={[
              { value: "yes", label: t("cases.field.needsProtection.yes") },
              { value: "no", label: t("cases.field.needsProtection.no") },
            ]}
          />
          <TextArea field={fields.assessment} label={t("cases.field.assessment")} />
        </>
      );
    case "ASSIGNED":
      return (
        <Select
          field={fields.assignee}
          label={t("cases.field.assignee")}
          options={ctx.staff.map((s) => ({ value: s.id, label: s.name }))}
        />
      );
    case "INVITATION_SENT":
      return (
        <>
          <div className="row">
            <TextInput field={fields.date} label={t("cases.field.date")} type="date" min={ctx.today} />
            <TextInput field={fields.time} label={t("cases.field.time")} type="time" />
          </div>
          <TextInput field={fields.place} label={t("cases.field.place")} />
          <Choices
            field={fields.invitees}
            legend={t("cases.field.invitees")}
            type="checkbox"
            options={invitable}
            hint={t("cases.field.invitees.hint")}
          />
          {ctx.decisionDue ? (
            <Choices
              field={fields.lateConfirmed}
              legend={t("cases.field.lateConfirmed", { date: formatDate(locale, ctx.decisionDue) })}
              type="checkbox"
              options={[{ value: "yes", label: t("cases.field.lateConfirmed.yes") }]}
            />
          ) : null}
        </>
      );
    case "CONVERSATION_HELD":
      return (
        <>
          <Choices field={fields.participants} legend={t("cases.field.participants")} type="checkbox" options={people} />
          <TextArea field={fields.participantsOther} label={t("cases.field.participantsOther")} />
          <TextArea field={fields.notes} label={t("cases.field.notes")} />
        </>
      );
    case "NO_SHOW":
      return <TextArea field={fields.note} label={t("cases.field.note")} />;
    case "SUPPORT_ACCEPTED":
    case "SUPPORT_DECLINED":
      return (
        <>
          {/* From 15 the child answers for themselves. */}
          {ctx.ownVoice ? (
            <Choices
              field={fields.childAnswer}
              legend={t("cases.field.childAnswer")}
              type="radio"
              options={[
                { value: "accepted", label: t("cases.field.childAnswer.accepted") },
                { value: "declined", label: t("cases.field.childAnswer.declined") },
              ]}
            />
          ) : null}
          <TextArea field={fields.note} label={t("cases.field.note")} />
        </>
      );
    case "DECISION_PROPOSED": {
      // A violence report allows one decision only; the statechart refuses any other.
      const outcomes = ctx.violence ? (["openInvestigation"] as const) : DECISION_OUTCOMES;
      return (
        <>
          <Choices
            field={fields.outcome}
            legend={t("cases.field.outcome")}
            type="radio"
            options={outcomes.map((o) => ({ value: o, label: t(`cases.outcome.${o}`) }))}
          />
          <TextArea field={fields.reasoning} label={t("cases.field.reasoning")} hint={t("cases.field.reasoning.hint")} />
          {ctx.violence ? null : (
            <Choices
              field={fields.support}
              legend={t("cases.field.support")}
              type="checkbox"
              options={measures}
              hint={t("cases.field.support.hint")}
            />
          )}
          <TextArea
            field={fields.childNotHeardReason}
            label={t("cases.field.childNotHeardReason")}
            hint={ctx.childHeard ? undefined : t("cases.field.childNotHeardReason.hint")}
          />
          {ctx.violence ? null : <TextInput field={fields.transferTo} label={t("cases.field.transferTo")} />}
          {/* Återkoppling goes when the decision is approved, unless the caseworker writes why not. */}
          {ctx.feedbackOwed ? (
            <>
              <Choices
                field={fields.withholdFeedback}
                legend={t("cases.field.withholdFeedback")}
                type="checkbox"
                options={[{ value: "yes", label: t("cases.field.withholdFeedback.yes") }]}
                hint={t("cases.field.withholdFeedback.hint")}
              />
              <TextArea
                field={fields.feedbackWithheldReason}
                label={t("cases.field.feedbackWithheldReason")}
                hint={t("cases.field.feedbackWithheldReason.hint")}
              />
            </>
          ) : null}
        </>
      );
    }
    case "FEEDBACK_SENT":
      return (
        <>
          <p>{t("command.FEEDBACK_SENT.hint")}</p>
          <Choices
            field={fields.reportId}
            legend={t("cases.field.feedbackReport")}
            type="radio"
            options={ctx.withheldFeedback.map((w) => ({
              value: w.reportId,
              label: t("cases.field.feedbackReport.option", { reporter: w.reporter, reason: w.reason }),
            }))}
          />
        </>
      );
    case "DECISION_APPROVED":
      return data.record.proposal ? (
        <>
          <h3>{t("cases.proposalToApprove")}</h3>
          <ProposalText proposal={data.record.proposal} />
        </>
      ) : null;
    case "DECISION_RETURNED":
      return <TextArea field={fields.comment} label={t("cases.field.comment")} />;
    case "INVESTIGATION_NOTICE_SENT":
      return <p>{t("command.INVESTIGATION_NOTICE_SENT.hint")}</p>;
    case "INVESTIGATION_CONCLUDED":
      return (
        <>
          <Choices
            field={fields.outcome}
            legend={t("cases.field.conclusion")}
            type="radio"
            options={[
              { value: "support", label: t("cases.field.conclusion.support") },
              { value: "none", label: t("cases.field.conclusion.none") },
            ]}
          />
          <Choices field={fields.support} legend={t("cases.field.support")} type="checkbox" options={measures} />
          <TextArea field={fields.summary} label={t("cases.field.summary")} />
        </>
      );
    case "NOTE_ADDED":
      return <TextArea field={fields.text} label={t("cases.field.text")} />;
    case "DEADLINE_EXTENDED": {
      const running = (["decision"] as const).filter((d) => ctx.extendable[d] !== null);
      return (
        <>
          <Choices
            field={fields.deadline}
            legend={t("cases.field.deadline")}
            type="radio"
            options={running.map((d) => ({
              value: d,
              label: `${t(`deadline.kind.${d}`)} – ${t("deadline.due", { date: formatDate(locale, ctx.extendable[d]!) })}`,
            }))}
          />
          <TextInput field={fields.until} label={t("cases.field.until")} type="date" min={ctx.today} />
          <TextArea field={fields.reason} label={t("cases.field.reason")} hint={t("cases.field.reason.exceptional")} />
        </>
      );
    }
  }
}

function CommandForm({
  intent,
  data,
  actionData,
}: {
  intent: FormCommand;
  data: CasePageData;
  actionData: CaseActionData | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const lastResult = actionData?.intent === intent ? (actionData.reply ?? undefined) : undefined;
  const [searchParams] = useSearchParams();
  const named = searchParams.get(CORRECT_GUARDIAN_PARAM);
  const correcting = intent === "GUARDIAN_CORRECTED" ? guardianToCorrect(data.formContext.guardians, named) : null;
  const [form, fields] = useForm<Record<FieldName, unknown>, unknown>({
    id: commandFormId(intent),
    lastResult,
    // A correction starts from what the case holds.
    defaultValue: correcting
      ? correctionDefaults(correcting)
      : intent === "CHILD_ADDRESS_CORRECTED"
        ? { address: data.formContext.child.address ?? "" }
        : undefined,
    ...checkWhenSent,
    onValidate: ({ formData }) =>
      parseCommandInBrowser(formData, intent, data.formContext) as Submission<Record<FieldName, unknown>, string[], unknown>,
  });
  const titleId = `${form.id}-title`;
  return (
    // Open after a failed attempt, so the person sees their input and what to correct.
    // Also open when a link chose whose details to correct.
    <details className="command" open={lastResult || (correcting && correcting.id === named) ? true : undefined}>
      <summary id={titleId}>{t(`command.${intent}`)}</summary>
      <Form method="post" action={`/arenden/${data.case.id}`} aria-labelledby={titleId} {...getFormProps(form)}>
        {/* The page's own summary (ActionErrorSummary) announces a refusal by the server. */}
        <FormErrors id={form.errorId} messages={form.errors?.map((e) => translateMessage(locale, e))} announce={false} />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={data.case.version} />
        <CommandFields intent={intent} fields={fields as unknown as Fields} data={data} correcting={correcting} />
        <button type="submit" className="primary">
          {t(`command.${intent}.submit`)}
        </button>
      </Form>
    </details>
  );
}

export function CommandForms({ data, actionData }: { data: CasePageData; actionData: CaseActionData | undefined }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  // Another guardian chosen to correct is another form, filled with their details.
  const correcting = searchParams.get(CORRECT_GUARDIAN_PARAM) ?? "";
  return (
    <section className="case-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t("cases.actions.title")}</h2>
      {data.commands.length === 0 ? <p>{t("cases.actions.none")}</p> : null}
      {data.commands.map((intent) => (
        // A new version is a new page: the forms start empty again.
        <CommandForm
          key={`${intent}-${data.case.version}${intent === "GUARDIAN_CORRECTED" ? `-${correcting}` : ""}`}
          intent={intent}
          data={data}
          actionData={actionData}
        />
      ))}
    </section>
  );
}

/**
 * The page-level announcement of a failed action: the refusal or "the form has errors",
 * with a link to the form. The only role="alert" of the page, so it is read once.
 */
export function ActionErrorSummary({ data, actionData }: { data: CasePageData; actionData: CaseActionData | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!actionData) return null;
  const message = actionData.message ? translateMessage(locale, actionData.message) : t("form.errorSummary");
  const formShown = actionData.intent !== null && data.commands.includes(actionData.intent);
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{t("cases.actions.errorTitle")}</strong>
        {actionData.intent ? ` (${t(`command.${actionData.intent}`)})` : ""}
      </p>
      <p>{message}</p>
      {formShown && actionData.intent ? (
        <p>
          <a href={`#${commandFormId(actionData.intent)}`}>{t(`command.${actionData.intent}`)}</a>
        </p>
      ) : null}
    </div>
  );
}
