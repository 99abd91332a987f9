import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import inboxStyles from "~/cases/inbox.css";
import { InboxFilterForm, InboxPagination, InboxTable } from "~/cases/inbox-view";
import { loadInbox } from "~/cases/inbox.server";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: inboxStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "cases.inbox.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  return json(await loadInbox(db, user, new URL(request.url)), { headers: { "Cache-Control": "private, no-store" } });
}

export default function Inbox() {
  const t = useT();
  const { filters, rows, today, hasNext, nextAfter, staff } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("cases.inbox.title")}</h1>
      <p>{t("cases.inbox.lead")}</p>
      <InboxFilterForm filters={filters} staff={staff} />
      <InboxTable rows={rows} today={today} />
      <InboxPagination filters={filters} hasNext={hasNext} nextAfter={nextAfter} />
    </>
  );
}
