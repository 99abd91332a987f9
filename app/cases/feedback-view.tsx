/** Each mandated reporter's återkoppling on the case page: sent, withheld with why, or not yet. */
import { formatDate, useLocale, useT } from "../i18n";
import type { CasePageData } from "./case-page-data";

export function ReporterFeedback({ feedback }: { feedback: CasePageData["feedback"] }) {
  const t = useT();
  const locale = useLocale();
  if (feedback.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t("cases.feedback.title")}</h2>
      <ul>
        {feedback.map((f) => (
          <li key={f.reportId} data-testid="reporter-feedback">
            <strong>{[f.reporterName, f.reporterOrganisation].filter(Boolean).join(", ")}</strong>:{" "}
            {f.status === "sent" && f.sentAt
              ? t("cases.feedback.sent", { date: formatDate(locale, f.sentAt) })
              : f.status === "withheld" && f.decidedAt
                ? t("cases.feedback.withheld", { date: formatDate(locale, f.decidedAt) })
                : f.status === "missing"
                  ? t("cases.feedback.missing")
                  : t("cases.feedback.notYet")}
            {f.reason ? (
              <p className="pre-wrap">
                {f.status === "sent"
                  ? t("cases.feedback.withheldThenSent", { reason: f.reason })
                  : t("cases.feedback.reason", { name: f.recordedBy ?? "", reason: f.reason })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
