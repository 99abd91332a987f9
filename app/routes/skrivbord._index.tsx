import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import casesStyles from "~/cases/cases.css";
import deskStyles from "~/desk/desk.css";
import { DeskCounts, UnassignedList, WaitingProposals, WaitingReporters } from "~/desk/desk-view";
import { deskAction, loadDesk } from "~/desk/desk.server";
import { translateMessage } from "~/cases/command-schemas";
import { getDb } from "~/db.server";
import { formatDate, translate, useLocale, useT, type Locale } from "~/i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: casesStyles },
  { rel: "stylesheet", href: deskStyles },
];

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "desk.metaTitle") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.desk);
  return json(await loadDesk(db, user), { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.desk);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  const outcome = await deskAction(db, user, form);
  if (outcome.ok) return redirect(`/skrivbord?${outcome.done}=${encodeURIComponent(outcome.referenceNumber)}`);
  return json({ caseId: outcome.caseId, message: outcome.message, form: outcome.form }, { status: outcome.status });
}

export default function DeskPage() {
  const t = useT();
  const locale = useLocale();
  const desk = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>() ?? null;
  const [params] = useSearchParams();
  const done = (["assigned", "approved", "returned"] as const).find((kind) => params.has(kind));
  const unassignedHref = desk.counts.find((c) => c.item === "unassigned")?.href ?? "/arenden";
  return (
    <>
      <h1>{t(`desk.title.${desk.scope}`)}</h1>
      <p>{t(`desk.lead.${desk.scope}`, { date: formatDate(locale, desk.today) })}</p>
      {done && !error ? (
        <div className="success" role="status">
          <p>{t(`desk.done.${done}`, { reference: params.get(done) ?? "" })}</p>
        </div>
      ) : null}
      {error ? (
        <div className="alert" role="alert">
          <p>{translateMessage(locale, error.message)}</p>
        </div>
      ) : null}
      <DeskCounts counts={desk.counts} scope={desk.scope} />
      <WaitingProposals proposals={desk.proposals} error={error?.form === "assign" ? null : error} />
      {desk.scope === "unit" ? (
        <UnassignedList desk={desk} moreHref={unassignedHref} error={error?.form === "assign" ? error : null} />
      ) : null}
      <WaitingReporters reporters={desk.feedback} />
    </>
  );
}
