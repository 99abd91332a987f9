/**
 * The reports of a case, each as submitted, with its own protection assessment and
 * decision. What a reporter typed is rendered as text (React escapes it).
 */
import { formatDate, formatDateTime, useLocale, useT, type Translate } from "../i18n";
import { ReportAnswers } from "../intake/ReportAnswers";
import type { ReportView } from "./case-page.server";
import { formatPersonalNumber, Prose } from "./case-view";

/** Each report's own assessment: when it was due, who assessed it, whether a decision covers it. */
function ReportAssessment({ report }: { report: ReportView }) {
  const t = useT();
  const locale = useLocale();
  const a = report.assessment;
  if (!a) return null;
  return (
    <p className={a.protection ? "muted" : "badge flag"}>
      {a.protection
        ? t("cases.report.assessed", {
            at: formatDateTime(locale, a.protection.at),
            name: a.protection.by.name,
            answer: t(a.protection.needsProtection ? "cases.record.protection.yes" : "cases.record.protection.no"),
          })
        : t("cases.report.awaitingAssessment", { date: formatDate(locale, a.protectionDue) })}
      {a.protection && !a.decidedAt ? ` ${t("cases.report.awaitingDecision", { date: formatDate(locale, a.decisionDue) })}` : ""}
    </p>
  );
}

function answer(t: Translate, value: string): string {
  return value === "yes" || value === "no" || value === "unknown" ? t(`cases.answer.${value}`) : value;
}

/**
 * The violence question as the reporter answered it: the kinds ticked ("Ja: …"), "Nej" or
 * "Vet inte" — never the two run together. Only a report stored without the answer (made
 * before the form told them apart, or by the demo seed) says that it does not tell which.
 */
function violenceAnswer(t: Translate, kinds: readonly string[], stored: string | null): string {
  if (kinds.length > 0) return t("cases.report.violenceYes", { kinds: kinds.map((k) => t(`cases.violenceKind.${k}`)).join(", ") });
  if (stored === "no" || stored === "unknown" || stored === "yes") return t(`cases.answer.${stored}`);
  return t("cases.report.violenceNoOrUnknownLegacy");
}

function Report({ report, n }: { report: ReportView; n: number }) {
  const t = useT();
  const locale = useLocale();
  const id = `report-${n}`;
  return (
    <article className="report" aria-labelledby={id}>
      <h3 id={id}>{t("cases.report.heading", { n, at: formatDateTime(locale, report.receivedAt) })}</h3>
      <ReportAssessment report={report} />

      <h4>{t("cases.report.reporter")}</h4>
      {report.anonymous ? (
        <p>{t("cases.report.anonymous")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("cases.child.name")}</dt>
          <dd>
            {report.reporterName ?? t("cases.unknown")} ({t(`cases.report.kind.${report.reporterKind}`)})
          </dd>
          {report.reporterSector ? (
            <>
              <dt>{t("cases.report.sector")}</dt>
              <dd>{t(`intake.sector.${report.reporterSector}`)}</dd>
            </>
          ) : null}
          {report.reporterOrganisation ? (
            <>
              <dt>{t("cases.report.organisation")}</dt>
              <dd>{report.reporterOrganisation}</dd>
            </>
          ) : null}
          {report.reporterTitle ? (
            <>
              <dt>{t("cases.report.title")}</dt>
              <dd>{report.reporterTitle}</dd>
            </>
          ) : null}
          {report.reporterPhone ? (
            <>
              <dt>{t("cases.report.phone")}</dt>
              <dd>{report.reporterPhone}</dd>
            </>
          ) : null}
          {report.reporterEmail ? (
            <>
              <dt>{t("cases.report.email")}</dt>
              <dd>{report.reporterEmail}</dd>
            </>
          ) : null}
        </dl>
      )}

      <h4>{t("cases.report.childAsReported")}</h4>
      <dl className="facts">
        <dt>{t("cases.child.name")}</dt>
        <dd>{report.childName}</dd>
        {report.childPersonalNumber ? (
          <>
            <dt>{t("cases.child.personalNumber")}</dt>
            <dd>{formatPersonalNumber(report.childPersonalNumber)}</dd>
          </>
        ) : null}
        {report.childBirthDate ? (
          <>
            <dt>{t("cases.child.birthDate")}</dt>
            <dd>{formatDate(locale, report.childBirthDate)}</dd>
          </>
        ) : null}
        <dt>{t("cases.child.address")}</dt>
        <dd>{report.childAddress ?? t("cases.unknown")}</dd>
        {report.childSchool ? (
          <>
            <dt>{t("cases.report.school")}</dt>
            <dd>{report.childSchool}</dd>
          </>
        ) : null}
        {report.childWhereabouts ? (
          <>
            <dt>{t("cases.report.whereabouts")}</dt>
            <dd>{report.childWhereabouts}</dd>
          </>
        ) : null}
      </dl>

      <h4>{t("cases.report.guardians")}</h4>
      {report.guardians.length === 0 ? (
        <p>{t("cases.report.noGuardians")}</p>
      ) : (
        <ul>
          {report.guardians.map((g, i) => (
            <li key={i}>
              <strong>{g.name}</strong>
              {[g.phone, g.email, g.address].filter(Boolean).map((v) => ` · ${v}`)}
              {" · "}
              {t("cases.report.knows", { answer: answer(t, g.knowsAboutReport) })}
            </li>
          ))}
        </ul>
      )}

      <h4>{t("cases.report.siblings")}</h4>
      {report.siblings.length === 0 ? (
        <p>{t("cases.report.noSiblings")}</p>
      ) : (
        <ul>
          {report.siblings.map((s, i) => (
            <li key={i}>
              {s.name}
              {s.age !== null ? `, ${t("cases.report.siblingAge", { age: s.age })}` : ""}
            </li>
          ))}
        </ul>
      )}

      <h4>{t("cases.report.concernWhat")}</h4>
      <Prose text={report.concernWhat} />
      {report.concernWhen ? (
        <>
          <h4>{t("cases.report.concernWhen")}</h4>
          <Prose text={report.concernWhen} />
        </>
      ) : null}
      {report.concernDuration ? (
        <>
          <h4>{t("cases.report.concernDuration")}</h4>
          <Prose text={report.concernDuration} />
        </>
      ) : null}
      {report.concernIfNothing ? (
        <>
          <h4>{t("cases.report.concernIfNothing")}</h4>
          <Prose text={report.concernIfNothing} />
        </>
      ) : null}
      <dl className="facts">
        <dt>{t("cases.report.childKnows")}</dt>
        <dd>{answer(t, report.childKnows)}</dd>
        <dt>{t("cases.report.interpreter")}</dt>
        <dd>
          {report.interpreterLanguage
            ? t("cases.report.interpreterNeeded", { language: report.interpreterLanguage })
            : t("cases.report.interpreterNone")}
        </dd>
        <dt>{t("cases.report.violence")}</dt>
        <dd>{violenceAnswer(t, report.violenceKinds, report.answers.violenceAnswer)}</dd>
      </dl>
      <ReportAnswers answers={report.answers} />
    </article>
  );
}

export function Reports({ reports }: { reports: ReportView[] }) {
  const t = useT();
  return (
    <section className="case-section" aria-labelledby="reports-title">
      <h2 id="reports-title">{t("cases.reports.title", { count: reports.length })}</h2>
      {reports.map((r, i) => (
        <Report key={r.id} report={r} n={i + 1} />
      ))}
    </section>
  );
}

