import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { pageAccess } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { loadCasePage, performCaseAction } from "~/cases/case-page.server";
import { CaseOverview, CaseRecord, ChildFacts, Deadlines, Letters, Timeline, ViolenceWarning } from "~/cases/case-view";
import { ReporterFeedback } from "~/cases/feedback-view";
import { CaseFacts, Warnings } from "~/cases/facts-view";
import { Reports } from "~/cases/report-view";
import casesStyles from "~/cases/cases.css";
import { ActionErrorSummary, CommandForms } from "~/cases/command-forms";
import { isFormCommand } from "~/cases/command-schemas";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import { isMatchDone, isMatchIntent } from "~/matching/match-limits";
import { MatchPanel } from "~/matching/match-panel";
import { loadMatches, performMatchAction, type MatchActionData } from "~/matching/matches.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: casesStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [
    { title: data ? translate(locale, "cases.case.metaTitle", { reference: data.case.referenceNumber }) : "Värna" },
  ];
};

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  const data = await loadCasePage(db, user, params.caseId ?? "");
  if (!data) throw notFound();
  const matches = await loadMatches(db, user, data.case.id);
  return json({ ...data, matches }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
  if (isMatchIntent(form.get("intent"))) {
    // The possible-match panel: confirm (the report joins the earlier case, shown next) or reject.
    const answer = await performMatchAction(db, user, params.caseId ?? "", form);
    if (answer.ok) return redirect(`/arenden/${answer.caseId}?ok=${answer.done}`);
    if (!answer.data) throw answer.status === 404 ? notFound() : new Response("Bad request", { status: 400 });
    const match: MatchActionData = answer.data;
    return json({ intent: null, reply: null, message: match.message, match }, { status: answer.status });
  }
  const outcome = await performCaseAction(db, user, params.caseId ?? "", form);
  if (outcome.ok) return redirect(`/arenden/${params.caseId}?ok=${outcome.intent}`);
  if (outcome.status === 404) throw notFound();
  return json(outcome.data, { status: outcome.status });
}

export default function CasePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("ok");
  return (
    <>
      <p>
        <Link to="/arenden">{t("cases.case.back")}</Link>
      </p>
      <div className="case-header">
        <h1>{t("cases.case.title", { reference: data.case.referenceNumber })}</h1>
        <span>{t(`state.${data.case.state}`)}</span>
      </div>
      {done && (isFormCommand(done) || isMatchDone(done)) && !actionData ? (
        <div className="success" role="status">
          <p>{t(isMatchDone(done) ? `matching.done.${done}` : `command.${done}.done`)}</p>
        </div>
      ) : null}
      <ActionErrorSummary data={data} actionData={actionData} />
      {data.flags.violence ? <ViolenceWarning /> : null}
      <Warnings data={data} />
      <MatchPanel
        matches={data.matches}
        caseId={data.case.id}
        version={data.case.version}
        mergeable={data.case.state === "received"}
        open={data.case.open}
        actionData={actionData && "match" in actionData ? (actionData.match as MatchActionData) : null}
      />
      <CaseOverview data={data} />
      <Deadlines data={data} />
      {/* A closed case takes one step only: a feedback its decision withheld. */}
      {data.case.open || data.commands.length > 0 ? (
        <CommandForms data={data} actionData={actionData} />
      ) : (
        <p>{t("cases.case.closedReadOnly")}</p>
      )}
      <ChildFacts data={data} />
      <CaseFacts data={data} />
      <CaseRecord data={data} />
      <ReporterFeedback feedback={data.feedback} />
      <Reports reports={data.reports} />
      <Timeline events={data.events} />
      <Letters caseId={data.case.id} letters={data.letters} />
    </>
  );
}
