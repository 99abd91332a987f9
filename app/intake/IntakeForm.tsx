/**
 * The public concern-report form. A plain HTML form that posts to its own URL, so it works
 * without JavaScript (the server answers with the same form, its errors and the values sent).
 * With JavaScript, conform validates a field when it loses focus, with the same schema; focus
 * moves to the error summary only when a submit is refused, never on a field's blur.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type FocusEvent, type FormEvent, type MouseEvent } from "react";

import { useT } from "../i18n";
import { AcuteNotice } from "../ui/acute-notice";
import { Checkbox, CheckboxGroup, optionId, RadioGroup, SelectField, TextAreaField, TextField } from "../ui/fields";
import {
  answerValues,
  guardianSlots,
  HONEYPOT_FIELD,
  intakeFieldNames,
  MAX_LENGTHS,
  parseIntakeInBrowser,
  reporterSectors,
  siblingSlots,
  violenceAnswers,
  type IntakeDefaults,
  type IntakeFieldName,
  type IntakeFormValues,
} from "./schema";
import { Review, StepIndicator, StepSection, type IntakeStep, type ReviewRow } from "./intake-steps";
import type { IntakeInput } from "./types";

export type IntakeFormProps = {
  /** The action's `submission.reply()` after a refused post; undefined on first load. */
  lastResult?: SubmissionResult<string[]> | null;
  /** Pre-filled values, e.g. `defaultsForReporter(user)`. */
  defaultValue?: IntakeDefaults;
  /** A fresh UUID per form shown; a retried post with the same key stores one report. */
  idempotencyKey: string;
  /** Sent from a reporter's account: an anonymous report is then not tied to it, and the form says so. */
  signedIn?: boolean;
};

/** Fields whose errors cannot be reached by a link (hidden, or the form as a whole). */
const unlinked = new Set<string>(["", "idempotencyKey", HONEYPOT_FIELD]);
/** Groups: the error summary links to their first option. */
const firstOption: Partial<Record<IntakeFieldName, string>> = {
  reporterKind: "private",
  guardian1Knows: "yes",
  guardian2Knows: "yes",
  childKnows: "yes",
  policeReport: "yes",
  violence: violenceAnswers[0],
};

export function IntakeForm({ lastResult, defaultValue, idempotencyKey, signedIn = false }: IntakeFormProps) {
  const t = useT();
  const [form, fields] = useForm<IntakeFormValues, IntakeInput>({
    id: "intake",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseIntakeInBrowser(formData),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formProps = getFormProps(form, { ariaAttributes: false });

  // The error summary appears after a refused submit (in the browser or by the server), lists
  // the errors that remain, and takes focus so it is announced and is where the person starts.
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const showSummary = failedSubmits > 0 || lastResult?.status === "error";
  useEffect(() => {
    if (lastResult?.status === "error") summaryRef.current?.focus();
  }, [lastResult]);
  useEffect(() => {
    if (failedSubmits > 0) summaryRef.current?.focus();
  }, [failedSubmits]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    formProps.onSubmit(event);
    // conform validates a field on blur by submitting the form with its own intent button;
    // only a refused submit by the person (not that validation) may move focus to the summary.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute("name") === "__intent__") return;
    // conform cancels the submit when the form is invalid.
    if (event.defaultPrevented) setFailedSubmits((n) => n + 1);
  };

  // The step the person is working in, for the step indicator: it follows the focus, so it
  // needs JavaScript. The server's HTML (and a page without JavaScript) marks no step current —
  // every step is on the one page — and the page starts at step 1 once it runs.
  const [currentStep, setCurrentStep] = useState<IntakeStep | null>(null);
  const onFocus = (event: FocusEvent<HTMLFormElement>) => {
    const step = (event.target as HTMLElement).closest<HTMLElement>("[data-step]")?.dataset.step;
    if (step && step !== currentStep) setCurrentStep(step as IntakeStep);
  };
  // The review follows the fields as they are typed, so it needs the page to run JavaScript.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    setCurrentStep((step) => step ?? "reporter");
  }, []);

  const field = (name: IntakeFieldName) => fields[name];
  const errorOf = (name: IntakeFieldName): string | undefined => {
    const message = field(name).errors?.[0];
    if (!message) return undefined;
    const max = MAX_LENGTHS[name as keyof typeof MAX_LENGTHS];
    return t(message, max ? { max } : undefined);
  };
  const initial = (name: IntakeFieldName): string | undefined => {
    const value = field(name).initialValue as unknown;
    return typeof value === "string" ? value : undefined;
  };
  const textProps = (name: IntakeFieldName) => ({
    id: field(name).id,
    name,
    defaultValue: initial(name) ?? "",
    error: errorOf(name),
  });
  const checkboxProps = (name: IntakeFieldName) => ({
    id: field(name).id,
    name,
    defaultChecked: initial(name) === "on",
    error: errorOf(name),
  });
  const radioProps = (name: IntakeFieldName) => ({
    id: field(name).id,
    name,
    defaultValue: initial(name),
    error: errorOf(name),
  });
  const answers = answerValues.map((value) => ({ value, label: t(`intake.choice.${value}`) }));
  const required = (key: string) => `${t(key)} ${t("intake.requiredMark")}`;
  const mandatedOnly = t("intake.reporter.mandatedOnly");

  // What the person has answered so far (conform follows each input). A question that the
  // answers make required is marked so at once, the same rule the schema checks.
  const current = (name: IntakeFieldName): string => {
    const value = field(name).value as unknown;
    return typeof value === "string" ? value.trim() : "";
  };
  const mandated = current("reporterKind") === "mandated";
  const requiredNow = new Set<IntakeFieldName>();
  if (mandated) {
    for (const f of ["reporterName", "reporterSector", "reporterOrganisation", "reporterTitle", "reporterPhone"] as const)
      requiredNow.add(f);
  } else if (current("reporterKind") === "private" && current("anonymous") !== "on") {
    requiredNow.add("reporterName");
  }
  for (const n of guardianSlots) {
    if ((["Phone", "Email", "Address", "Knows"] as const).some((f) => current(`guardian${n}${f}`)))
      requiredNow.add(`guardian${n}Name`);
  }
  for (const n of siblingSlots) if (current(`sibling${n}Age`)) requiredNow.add(`sibling${n}Name`);
  if (current("interpreterNeeded") === "on") requiredNow.add("interpreterLanguage");
  /** Label and `required` of a field that is required only by other answers. */
  const conditional = (name: IntakeFieldName, key: string) =>
    requiredNow.has(name) ? { label: required(key), required: true } : { label: t(key) };

  const violenceInitial = (() => {
    const value = field("violence").initialValue as unknown;
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : typeof value === "string"
      ? [value]
      : [];
  })();

  const labels: Partial<Record<IntakeFieldName, string>> = {
    reporterKind: t("intake.reporter.kind"),
    anonymous: t("intake.reporter.anonymous"),
    reporterName: t("intake.reporter.name"),
    reporterSector: t("intake.reporter.sector"),
    reporterOrganisation: t("intake.reporter.organisation"),
    reporterTitle: t("intake.reporter.title"),
    reporterRelation: t("intake.reporter.relation"),
    reporterPhone: t("intake.reporter.phone"),
    reporterEmail: t("intake.reporter.email"),
    childName: t("intake.child.name"),
    childPersonalNumber: t("intake.child.personalNumber"),
    childBirthDate: t("intake.child.birthDate"),
    childAge: t("intake.child.age"),
    childLivesWith: t("intake.child.livesWith"),
    childAddress: t("intake.child.address"),
    childSchool: t("intake.child.school"),
    childWhereabouts: t("intake.child.whereabouts"),
    childProtectedIdentity: t("intake.child.protectedIdentity"),
    concernWhat: t("intake.concern.what"),
    concernWhen: t("intake.concern.when"),
    concernDuration: t("intake.concern.duration"),
    concernIfNothing: t("intake.concern.ifNothing"),
    childKnows: t("intake.concern.childKnows"),
    childView: t("intake.concern.childView"),
    policeReport: t("intake.concern.policeReport"),
    violence: t("intake.violence.legend"),
    interpreterNeeded: t("intake.interpreter.needed"),
    interpreterLanguage: `${t("intake.interpreter.legend")}: ${t("intake.interpreter.language")}`,
  };
  for (const n of guardianSlots) {
    const legend = t("intake.guardian.legend", { n });
    for (const part of ["name", "phone", "email", "address", "knows"] as const) {
      const suffix = part === "knows" ? "Knows" : part[0]!.toUpperCase() + part.slice(1);
      labels[`guardian${n}${suffix}` as IntakeFieldName] = `${legend}: ${t(`intake.guardian.${part}`)}`;
    }
  }
  for (const n of siblingSlots) {
    labels[`sibling${n}Name`] = t("intake.sibling.name", { n });
    labels[`sibling${n}Age`] = t("intake.sibling.age", { n });
  }

  type SummaryItem = { name: string; text: string; target: string | null };
  const summaryItems = ["" as const, ...intakeFieldNames].flatMap((name): SummaryItem[] => {
    const messages = name === "" ? form.errors : fields[name].errors;
    const message = messages?.[0];
    if (!message) return [];
    const text = name === "" ? t(message) : errorOf(name) ?? t(message);
    if (unlinked.has(name)) return [{ name, text, target: null }];
    const option = firstOption[name as IntakeFieldName];
    const id = field(name as IntakeFieldName).id;
    return [
      {
        name,
        text: `${labels[name as IntakeFieldName] ?? name}: ${text}`,
        target: option ? optionId(id, option) : id,
      },
    ];
  });

  const jumpTo = (target: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    const element = document.getElementById(target);
    if (!element) return;
    event.preventDefault();
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  };

  const violenceTicked = (() => {
    if (!hydrated) return [];
    const value = field("violence").value as unknown;
    return (Array.isArray(value) ? value : typeof value === "string" ? [value] : []).filter(
      (v): v is string => typeof v === "string" && (violenceAnswers as readonly string[]).includes(v)
    );
  })();
  const choiceText = (name: IntakeFieldName) => {
    const v = current(name);
    return (answerValues as readonly string[]).includes(v) ? t(`intake.choice.${v}`) : null;
  };
  const reviewRows: ReviewRow[] | null = hydrated
    ? [
        {
          label: t("intake.review.reporterKind"),
          value: current("reporterKind")
            ? [
                t(`intake.reporter.kind.${current("reporterKind") === "mandated" ? "mandated" : "private"}`),
                current("anonymous") === "on" ? t("intake.review.anonymous") : current("reporterName"),
              ]
                .filter(Boolean)
                .join(", ")
            : null,
        },
        ...(mandated
          ? [
              {
                label: t("intake.review.sector"),
                value: (reporterSectors as readonly string[]).includes(current("reporterSector"))
                  ? t(`intake.sector.${current("reporterSector")}`)
                  : null,
              },
            ]
          : []),
        { label: t("intake.review.child"), value: current("childName") || null },
        {
          label: t("intake.review.identity"),
          value: current("childPersonalNumber") || current("childBirthDate") || current("childAge") || null,
        },
        {
          label: t("intake.review.guardians"),
          value: guardianSlots.map((n) => current(`guardian${n}Name`)).filter(Boolean).join(", ") || null,
        },
        {
          label: t("intake.review.concern"),
          value: current("concernWhat").length > 200 ? `${current("concernWhat").slice(0, 200)}…` : current("concernWhat") || null,
        },
        {
          label: t("intake.review.violence"),
          value: violenceTicked.map((v) => t(`intake.violence.${v}`)).join(", ") || null,
        },
        { label: t("intake.review.police"), value: choiceText("policeReport") },
      ]
    : null;

  return (
    <>
      <h1>{t("intake.title")}</h1>

      {showSummary && summaryItems.length > 0 ? (
        <div
          className="alert"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="intake-error-summary"
        >
          <h2 id="intake-error-summary">{t("form.errorSummary")}</h2>
          <ul>
            {summaryItems.map((item) => (
              <li key={item.name}>
                {item.target ? (
                  <a href={`#${item.target}`} onClick={jumpTo(item.target)}>
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <AcuteNotice withReadingHours />

      <p>{t("intake.lead")}</p>

      <StepIndicator current={currentStep} />

      <Form method="post" {...formProps} onSubmit={onSubmit} onFocus={onFocus}>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="intake-website">{t("intake.honeypot")}</label>
          <input
            type="text"
            id="intake-website"
            name={HONEYPOT_FIELD}
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <StepSection step="reporter">
          <fieldset>
            <legend>{t("intake.reporter.legend")}</legend>
            <RadioGroup
              {...radioProps("reporterKind")}
              legend={required("intake.reporter.kind")}
              required
              options={[
                { value: "private", label: t("intake.reporter.kind.private") },
                {
                  value: "mandated",
                  label: t("intake.reporter.kind.mandated"),
                  hint: t("intake.reporter.kind.mandatedHint"),
                },
              ]}
            />
            <p className="hint" id="intake-mandated-identity">
              {t("intake.reporter.mandatedIdentity")}
            </p>
            <Checkbox
              {...checkboxProps("anonymous")}
              label={t("intake.reporter.anonymous")}
              hint={`${t("intake.reporter.anonymousHint")}${signedIn ? ` ${t("intake.reporter.anonymousSignedIn")}` : ""}`}
            />
            <TextField
              {...textProps("reporterName")}
              {...conditional("reporterName", "intake.reporter.name")}
              hint={t("intake.reporter.nameHint")}
              autoComplete="name"
            />
            <TextField
              {...textProps("reporterRelation")}
              label={t("intake.reporter.relation")}
              hint={t("intake.reporter.relationHint")}
              autoComplete="off"
            />
            <SelectField
              {...textProps("reporterSector")}
              {...conditional("reporterSector", "intake.reporter.sector")}
              hint={t("intake.reporter.sectorHint")}
              placeholder={t("intake.reporter.sectorChoose")}
              options={reporterSectors.map((value) => ({ value, label: t(`intake.sector.${value}`) }))}
            />
            <div className="row">
              <TextField
                {...textProps("reporterOrganisation")}
                {...conditional("reporterOrganisation", "intake.reporter.organisation")}
                hint={mandatedOnly}
                autoComplete="organization"
              />
              <TextField
                {...textProps("reporterTitle")}
                {...conditional("reporterTitle", "intake.reporter.title")}
                hint={mandatedOnly}
                autoComplete="organization-title"
              />
            </div>
            <div className="row">
              <TextField
                {...textProps("reporterPhone")}
                {...conditional("reporterPhone", "intake.reporter.phone")}
                type="tel"
                hint={mandatedOnly}
                autoComplete="tel"
              />
              <TextField
                {...textProps("reporterEmail")}
                type="email"
                label={t("intake.reporter.email")}
                autoComplete="email"
              />
            </div>
          </fieldset>
        </StepSection>

        <StepSection step="child">
          <fieldset>
            <legend>{t("intake.child.legend")}</legend>
            <TextField
              {...textProps("childName")}
              label={required("intake.child.name")}
              required
              autoComplete="off"
            />
            <div className="row">
              <TextField
                {...textProps("childPersonalNumber")}
                label={t("intake.child.personalNumber")}
                hint={t("intake.child.personalNumberHint")}
                autoComplete="off"
                spellCheck={false}
              />
              <TextField
                {...textProps("childBirthDate")}
                label={t("intake.child.birthDate")}
                hint={t("intake.child.birthDateHint")}
                autoComplete="off"
              />
              <TextField
                {...textProps("childAge")}
                label={t("intake.child.age")}
                hint={t("intake.child.ageHint")}
                inputMode="numeric"
                autoComplete="off"
              />
            </div>
            <TextField {...textProps("childAddress")} label={t("intake.child.address")} autoComplete="off" />
            <TextField
              {...textProps("childLivesWith")}
              label={t("intake.child.livesWith")}
              hint={t("intake.child.livesWithHint")}
              autoComplete="off"
            />
            <div className="row">
              <TextField {...textProps("childSchool")} label={t("intake.child.school")} autoComplete="off" />
              <TextField
                {...textProps("childWhereabouts")}
                label={t("intake.child.whereabouts")}
                autoComplete="off"
              />
            </div>
            <Checkbox
              {...checkboxProps("childProtectedIdentity")}
              label={t("intake.child.protectedIdentity")}
              hint={t("intake.child.protectedIdentityHint")}
            />
          </fieldset>
        </StepSection>

        <StepSection step="family">
          {guardianSlots.map((n) => (
            <fieldset key={n} aria-describedby={`intake-guardian${n}-hint`}>
              <legend>{t("intake.guardian.legend", { n })}</legend>
              <p className="hint" id={`intake-guardian${n}-hint`}>
                {t("intake.guardian.hint")}
              </p>
              <TextField
                {...textProps(`guardian${n}Name`)}
                {...conditional(`guardian${n}Name`, "intake.guardian.name")}
                autoComplete="off"
              />
              <div className="row">
                <TextField
                  {...textProps(`guardian${n}Phone`)}
                  type="tel"
                  label={t("intake.guardian.phone")}
                  autoComplete="off"
                />
                <TextField
                  {...textProps(`guardian${n}Email`)}
                  type="email"
                  label={t("intake.guardian.email")}
                  autoComplete="off"
                />
              </div>
              <TextField
                {...textProps(`guardian${n}Address`)}
                label={t("intake.guardian.address")}
                autoComplete="off"
              />
              <RadioGroup
                {...radioProps(`guardian${n}Knows`)}
                legend={t("intake.guardian.knows")}
                options={answers}
              />
            </fieldset>
          ))}

          <fieldset aria-describedby="intake-siblings-hint">
            <legend>{t("intake.siblings.legend")}</legend>
            <p className="hint" id="intake-siblings-hint">
              {t("intake.siblings.hint")}
            </p>
            {siblingSlots.map((n) => (
              <div className="row" key={n}>
                <TextField
                  {...textProps(`sibling${n}Name`)}
                  label={`${t("intake.sibling.name", { n })}${
                    requiredNow.has(`sibling${n}Name`) ? ` ${t("intake.requiredMark")}` : ""
                  }`}
                  required={requiredNow.has(`sibling${n}Name`)}
                  autoComplete="off"
                />
                <TextField
                  {...textProps(`sibling${n}Age`)}
                  label={t("intake.sibling.age", { n })}
                  inputMode="numeric"
                  autoComplete="off"
                />
              </div>
            ))}
          </fieldset>
        </StepSection>

        <StepSection step="concern">
          <fieldset>
            <legend>{t("intake.concern.legend")}</legend>
            <TextAreaField
              {...textProps("concernWhat")}
              label={required("intake.concern.what")}
              hint={t("intake.concern.whatHint")}
              required
              rows={8}
            />
            <div className="row">
              <TextField {...textProps("concernWhen")} label={t("intake.concern.when")} />
              <TextField {...textProps("concernDuration")} label={t("intake.concern.duration")} />
            </div>
            <TextAreaField
              {...textProps("concernIfNothing")}
              label={t("intake.concern.ifNothing")}
              rows={4}
            />
            <RadioGroup
              {...radioProps("childKnows")}
              legend={required("intake.concern.childKnows")}
              required
              options={answers}
            />
            <TextAreaField
              {...textProps("childView")}
              label={t("intake.concern.childView")}
              hint={t("intake.concern.childViewHint")}
              rows={4}
            />
            <RadioGroup
              {...radioProps("policeReport")}
              legend={t("intake.concern.policeReport")}
              options={answers}
            />
          </fieldset>

          <fieldset>
            <legend>{t("intake.violence.legend")}</legend>
            <CheckboxGroup
              id={field("violence").id}
              name="violence"
              legend={required("intake.violence.question")}
              hint={t("intake.violence.hint")}
              error={errorOf("violence")}
              defaultValue={violenceInitial}
              options={violenceAnswers.map((value) => ({ value, label: t(`intake.violence.${value}`) }))}
            />
          </fieldset>

          <fieldset>
            <legend>{t("intake.interpreter.legend")}</legend>
            <Checkbox {...checkboxProps("interpreterNeeded")} label={t("intake.interpreter.needed")} />
            <TextField
              {...textProps("interpreterLanguage")}
              {...conditional("interpreterLanguage", "intake.interpreter.language")}
              hint={t("intake.interpreter.languageHint")}
              autoComplete="off"
            />
          </fieldset>
        </StepSection>

        <StepSection step="review">
          <Review rows={reviewRows} />
          <button type="submit" className="primary">
            {t("intake.submit")}
          </button>
        </StepSection>
      </Form>
    </>
  );
}
