/**
 * The answers a report gives beside its core (the questions the common municipal forms ask),
 * as the case page shows them. Pure: shared by the case page's loader and its view.
 */
export type ReportAnswers = {
  reporterRelation: string | null;
  childAge: number | null;
  childLivesWith: string | null;
  childView: string | null;
  /** "yes" | "no" | "unknown"; null when not answered. */
  policeReport: string | null;
  /** "yes" | "no" | "unknown"; null for a report made before the question told no from don't know. */
  violenceAnswer: string | null;
};

type ReportRowLike = { [K in keyof ReportAnswers]: ReportAnswers[K] };

export function reportAnswers(row: ReportRowLike): ReportAnswers {
  return {
    reporterRelation: row.reporterRelation,
    childAge: row.childAge,
    childLivesWith: row.childLivesWith,
    childView: row.childView,
    policeReport: row.policeReport,
    violenceAnswer: row.violenceAnswer,
  };
}
