/**
 * A report's further answers on the case page: the reporter's relation to the child, the
 * child's age, who the child lives with, the child's own view, whether the police know, and
 * the violence question's answer with "no" and "don't know" kept apart.
 */
import { useT } from "../i18n";
import type { ReportAnswers as Answers } from "./report-answers";

export function ReportAnswers({ answers }: { answers: Answers }) {
  const t = useT();
  const choice = (value: string | null) =>
    value === "yes" || value === "no" || value === "unknown"
      ? t(`intake.choice.${value}`)
      : t("report.answers.notAnswered");
  return (
    <dl className="facts" data-testid="report-answers">
      {answers.reporterRelation ? (
        <>
          <dt>{t("report.answers.relation")}</dt>
          <dd>{answers.reporterRelation}</dd>
        </>
      ) : null}
      {answers.childAge !== null ? (
        <>
          <dt>{t("report.answers.childAge")}</dt>
          <dd>{t("report.answers.years", { age: answers.childAge })}</dd>
        </>
      ) : null}
      <dt>{t("report.answers.livesWith")}</dt>
      <dd>{answers.childLivesWith ?? t("report.answers.notAnswered")}</dd>
      <dt>{t("report.answers.childView")}</dt>
      <dd className="pre-wrap">{answers.childView ?? t("report.answers.notAnswered")}</dd>
      <dt>{t("report.answers.police")}</dt>
      <dd>{choice(answers.policeReport)}</dd>
    </dl>
  );
}
