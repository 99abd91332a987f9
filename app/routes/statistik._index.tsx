import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import statisticsStyles from "~/statistics/statistics.css";
import { PeriodForm, StatisticsFigures } from "~/statistics/statistics-view";
import { loadStatisticsPage } from "~/statistics/statistics.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: statisticsStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "stats.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.statistics);
  return json(await loadStatisticsPage(db, user, new URL(request.url)), { headers: { "Cache-Control": "private, no-store" } });
}

export default function StatisticsPage() {
  const t = useT();
  const { period, periodError, stats } = useLoaderData<typeof loader>();
  const csv = `/statistik.csv?${new URLSearchParams(period).toString()}`;
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.lead")}</p>
      <PeriodForm period={period} error={periodError} />
      <p>
        <a href={csv} download>
          {t("stats.csv")}
        </a>
      </p>
      {stats ? <StatisticsFigures stats={stats} /> : <p className="info">{t("stats.noData")}</p>}
    </>
  );
}
