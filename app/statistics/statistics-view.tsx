import { Form } from "@remix-run/react";

import { REPORTER_CATEGORIES } from "../../db/reporter-category";
import { useLocale, useT, type Locale } from "../i18n";
import { HorizontalBars, SplitBar, StackedColumns, type Series } from "./charts";
import type { Period } from "./period";
import { OUTCOMES, REPEAT_BUCKETS } from "./figures";
import type { Statistics } from "./statistics.server";

const CATEGORY_COLORS: Record<(typeof REPORTER_CATEGORIES)[number], string> = {
  school: "#0b4f8a",
  preschool: "#2f7fc1",
  healthCare: "#1e6b35",
  police: "#1b1b1f",
  socialServices: "#8a5a00",
  otherMandated: "#7b3f98",
  private: "#a4161a",
  anonymous: "#6b6e7a",
};
const OUTCOME_COLOR = "#0b4f8a";

const localeTag = (locale: Locale) => (locale === "sv" ? "sv-SE" : "en-GB");
const monthName = (locale: Locale, month: string, style: "long" | "short") =>
  new Intl.DateTimeFormat(localeTag(locale), { month: style, year: style === "long" ? "numeric" : "2-digit", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
const percent = (locale: Locale, share: number) =>
  new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: 0 }).format(share);

export function PeriodForm({ period, error }: { period: Period; error: boolean }) {
  const t = useT();
  return (
    <Form method="get" className="stats-period" aria-label={t("stats.period")}>
      <div className="field">
        <label htmlFor="stats-from">{t("stats.from")}</label>
        <input
          id="stats-from"
          type="date"
          name="from"
          defaultValue={period.from}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "stats-period-error" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="stats-to">{t("stats.to")}</label>
        <input
          id="stats-to"
          type="date"
          name="to"
          defaultValue={period.to}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "stats-period-error" : undefined}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t("stats.show")}
        </button>
      </div>
      {error ? (
        <p id="stats-period-error" className="field-error" role="alert">
          {t("stats.periodError")}
        </p>
      ) : null}
    </Form>
  );
}

function Figure({
  id,
  title,
  chart,
  table,
  children,
  wide = false,
}: {
  id: string;
  title: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  children?: React.ReactNode;
  /** A table with a column per month goes below its chart rather than beside it. */
  wide?: boolean;
}) {
  return (
    <section className="stat" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      <div className={wide ? "stat-figure wide" : "stat-figure"}>
        <div className="stat-chart">{chart}</div>
        <div className="stat-table">{table}</div>
      </div>
    </section>
  );
}

function ReportsFigure({ stats }: { stats: Statistics }) {
  const t = useT();
  const locale = useLocale();
  const series: Series[] = REPORTER_CATEGORIES.map((c) => ({ key: c, label: t(`stats.category.${c}`), color: CATEGORY_COLORS[c] }));
  const { months, counts, total } = stats.reports;
  const sumOf = (m: string) => REPORTER_CATEGORIES.reduce((s, c) => s + counts[m]![c], 0);
  return (
    <Figure
      wide
      id="stats-reports"
      title={t("stats.reports.title")}
      chart={
        <>
          <StackedColumns
            id="chart-reports"
            title={t("stats.reports.title")}
            desc={t("stats.reports.total", { count: total })}
            labels={months.map((m) => ({ key: m, text: monthName(locale, m, "short") }))}
            series={series}
            values={(m, c) => counts[m]![c as (typeof REPORTER_CATEGORIES)[number]]}
          />
          <ul className="legend">
            {series.map((s) => (
              <li key={s.key}>
                {/* An SVG fill, not a style attribute: the Content-Security-Policy allows no inline styles. */}
                <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                  <rect width="10" height="10" fill={s.color} />
                </svg>
                {s.label}
              </li>
            ))}
          </ul>
        </>
      }
      table={
        <div className="table-scroll" role="region" aria-labelledby="stats-reports-caption" tabIndex={0}>
          <table className="stats-table">
            <caption id="stats-reports-caption">{t("stats.reports.total", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.col.category")}</th>
                {months.map((m) => (
                  <th key={m} scope="col" className="num">
                    {monthName(locale, m, "short")}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("stats.reports.sum")}
                </th>
              </tr>
            </thead>
            <tbody>
              {REPORTER_CATEGORIES.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`stats.category.${c}`)}</th>
                  {months.map((m) => (
                    <td key={m} className="num">
                      {counts[m]![c]}
                    </td>
                  ))}
                  <td className="num">{months.reduce((s, m) => s + counts[m]![c], 0)}</td>
                </tr>
              ))}
              <tr className="sum">
                <th scope="row">{t("stats.reports.sum")}</th>
                {months.map((m) => (
                  <td key={m} className="num">
                    {sumOf(m)}
                  </td>
                ))}
                <td className="num">{total}</td>
              </tr>
            </tbody>
          </table>
        </div>
      }
    >
      <p className="muted">{t("stats.category.note")}</p>
    </Figure>
  );
}

function InTimeFigure({ stats }: { stats: Statistics }) {
  const t = useT();
  const locale = useLocale();
  const { total, inTime, medianDays } = stats.decisions;
  const summary = total
    ? t("stats.inTime.summary", { inTime, total, share: percent(locale, inTime / total) })
    : t("stats.inTime.none");
  const median = medianDays === null ? t("stats.inTime.medianNone") : t("stats.inTime.median", { days: medianDays.toLocaleString(localeTag(locale)) });
  const parts = [
    { key: "inTime", label: t("stats.inTime.inTime"), value: inTime, color: "#1e6b35" },
    { key: "late", label: t("stats.inTime.late"), value: total - inTime, color: "#a4161a" },
  ];
  return (
    <Figure
      id="stats-in-time"
      title={t("stats.inTime.title")}
      chart={<SplitBar id="chart-in-time" title={t("stats.inTime.title")} desc={summary} parts={parts} />}
      table={
        <table className="stats-table">
          <caption className="visually-hidden">{t("stats.inTime.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.col.category")}</th>
              <th scope="col" className="num">{t("stats.col.count")}</th>
              <th scope="col" className="num">{t("stats.col.share")}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td className="num">{p.value}</td>
                <td className="num">{total ? percent(locale, p.value / total) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p data-testid="stats-in-time">{summary}</p>
      <p data-testid="stats-median">{median}</p>
    </Figure>
  );
}

function OutcomesFigure({ stats }: { stats: Statistics }) {
  const t = useT();
  const locale = useLocale();
  const total = OUTCOMES.reduce((s, o) => s + stats.outcomes[o], 0);
  const items = OUTCOMES.map((o) => ({ key: o, label: t(`stats.outcome.${o}`), value: stats.outcomes[o], color: OUTCOME_COLOR }));
  return (
    <Figure
      id="stats-outcomes"
      title={t("stats.outcomes.title")}
      chart={<HorizontalBars id="chart-outcomes" title={t("stats.outcomes.title")} desc={items.map((i) => `${i.label}: ${i.value}`).join(", ")} items={items} />}
      table={
        <table className="stats-table">
          <caption className="visually-hidden">{t("stats.outcomes.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.col.category")}</th>
              <th scope="col" className="num">{t("stats.col.count")}</th>
              <th scope="col" className="num">{t("stats.col.share")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.label}</th>
                <td className="num">{i.value}</td>
                <td className="num">{total ? percent(locale, i.value / total) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function RepeatFigure({ stats }: { stats: Statistics }) {
  const t = useT();
  const { children, byCount } = stats.repeat;
  const bucket = (n: number) =>
    n === 1 ? t("stats.repeat.bucket.one") : n === 4 ? t("stats.repeat.bucket.more", { n }) : t("stats.repeat.bucket", { n });
  const items = REPEAT_BUCKETS.map((n) => ({ key: String(n), label: bucket(n), value: byCount[n], color: "#7b3f98" }));
  const summary = t("stats.repeat.summary", { children, repeated: children - byCount[1] });
  return (
    <Figure
      id="stats-repeat"
      title={t("stats.repeat.title")}
      chart={<HorizontalBars id="chart-repeat" title={t("stats.repeat.title")} desc={summary} items={items} />}
      table={
        <table className="stats-table">
          <caption className="visually-hidden">{t("stats.repeat.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("stats.repeat.reports")}</th>
              <th scope="col" className="num">{t("stats.repeat.children")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.key}>
                <th scope="row">{i.label}</th>
                <td className="num">{i.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p>{summary}</p>
    </Figure>
  );
}

export function StatisticsFigures({ stats }: { stats: Statistics }) {
  return (
    <>
      <ReportsFigure stats={stats} />
      <InTimeFigure stats={stats} />
      <OutcomesFigure stats={stats} />
      <RepeatFigure stats={stats} />
    </>
  );
}
