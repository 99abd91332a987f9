/**
 * The intake form's steps: a visible step indicator (where the reporter is on a long form)
 * and the short review before sending. All steps are on one page, so the form still posts as
 * one plain HTML form without JavaScript; the indicator's links jump to each step.
 */
import type { ReactNode } from "react";

import { useT } from "../i18n";

export const intakeSteps = ["reporter", "child", "family", "concern", "review"] as const;
export type IntakeStep = (typeof intakeSteps)[number];

export const stepId = (step: IntakeStep) => `intake-step-${step}`;

/** `current` is null where no step can be told (the page without JavaScript). */
export function StepIndicator({ current }: { current: IntakeStep | null }) {
  const t = useT();
  return (
    <nav aria-label={t("intake.steps.label")} className="steps">
      <ol>
        {intakeSteps.map((step, i) => (
          <li key={step} className={step === current ? "current" : undefined}>
            <a href={`#${stepId(step)}`} aria-current={step === current ? "step" : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>{" "}
              {t(`intake.step.${step}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One step of the form: a section headed "Steg n av 5: …", holding that step's fieldsets. */
export function StepSection({ step, children }: { step: IntakeStep; children: ReactNode }) {
  const t = useT();
  const n = intakeSteps.indexOf(step) + 1;
  return (
    <section id={stepId(step)} aria-labelledby={`${stepId(step)}-title`} data-step={step} className="step">
      <h2 id={`${stepId(step)}-title`}>
        <span className="step-of">{t("intake.steps.of", { n, total: intakeSteps.length })}:</span>{" "}
        {t(`intake.step.${step}`)}
      </h2>
      {children}
    </section>
  );
}

export type ReviewRow = { label: string; value: string | null };

/**
 * The answers as they stand, read before sending. Shown once the page runs JavaScript (it
 * follows the fields as they are typed); without JavaScript the lead asks the reporter to
 * read the steps above through.
 */
export function Review({ rows }: { rows: ReviewRow[] | null }) {
  const t = useT();
  return (
    <>
      <p>{t("intake.review.lead")}</p>
      {rows ? (
        <dl className="review" data-testid="intake-review">
          {rows.map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd className={row.value ? undefined : "muted"}>{row.value || t("intake.review.notAnswered")}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
