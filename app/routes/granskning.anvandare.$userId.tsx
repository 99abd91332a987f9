import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import oversightStyles from "~/oversight/oversight.css";
import { loadUserAccess } from "~/oversight/user-access.server";
import { AccessTable, OversightNav } from "~/oversight/views";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: oversightStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: data ? translate(locale, "audit.user.metaTitle", { name: data.user.name }) : "Värna" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.audit);
  const data = await loadUserAccess(db, user, params.userId ?? "", new URL(request.url));
  if (!data) throw new Response("Not found", { status: 404 });
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export default function UserAccess() {
  const t = useT();
  const { user, period, periodError, entries, truncated } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.user.title", { name: user.name })}</h1>
      <OversightNav />
      <p>
        {t(`role.${user.role}`)}, {user.unitName} · {user.email}
      </p>
      <Form method="get" className="period-form" aria-label={t("audit.period.label")}>
        <div className="field">
          <label htmlFor="user-from">{t("audit.period.from")}</label>
          <input id="user-from" type="date" name="from" defaultValue={period.from} aria-describedby={periodError ? "user-period-error" : undefined} />
        </div>
        <div className="field">
          <label htmlFor="user-to">{t("audit.period.to")}</label>
          <input id="user-to" type="date" name="to" defaultValue={period.to} />
        </div>
        <button type="submit">{t("audit.period.show")}</button>
      </Form>
      {periodError ? (
        <p className="field-error" id="user-period-error" role="alert">
          {t(periodError)}
        </p>
      ) : null}
      <h2>{t("audit.user.opened", { from: period.from, to: period.to })}</h2>
      {truncated ? <p className="info">{t("audit.user.truncated")}</p> : null}
      <AccessTable entries={entries} show="case" caption={t("audit.user.opened", { from: period.from, to: period.to })} />
    </>
  );
}
