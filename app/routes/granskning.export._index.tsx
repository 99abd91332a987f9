import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { defaultPeriod } from "~/oversight/period";
import { RangeExportForm } from "~/oversight/range-export";
import { OversightNav } from "~/oversight/views";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "export.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(await getDb(), request, pageAccess.audit);
  return json({ period: defaultPeriod(new Date(), 31) });
}

export default function RangeExportPage() {
  const t = useT();
  const { period } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("export.title")}</h1>
      <OversightNav />
      <p>{t("export.lead")}</p>
      <RangeExportForm defaultFrom={period.from} defaultTo={period.to} />
    </>
  );
}
