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
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, pageAccess.cases);
  const form = await request.formData().catch(() => null);
  if (!form) throw new Response("Bad request", { status: 400 });
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
      {done && isFormCommand(done) && !actionData ? (
        <div className="success" role="status">
          <p>{t(`command.${done}.done`)}</p>
        </div>
      ) : null}
      <ActionErrorSummary data={data} actionData={actionData} />
      {data.flags.violence ? <ViolenceWarning /> : null}
      <Warnings data={data} />
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
