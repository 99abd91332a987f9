import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useRef } from "react";

import { changeOwnPassword } from "~/account/account.server";
import { ownPasswordSchema } from "~/account/schema";
import { safeRedirect } from "~/auth/login-schema";
import { MIN_PASSWORD } from "~/auth/password-rules";
import { roles } from "~/auth/roles";
import { ACCOUNT_PAGE, requireUser } from "~/auth/session.server";
import { getDb } from "~/db.server";
import { translate, useT, type Locale } from "~/i18n";
import { retryAfterHeaders } from "~/server/route-headers";
import { TextField } from "~/ui/fields";
import { checkWhenSent } from "~/ui/check-when-sent";
import { FormErrors } from "~/ui/form-errors";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "sv";
  return [{ title: translate(locale, "account.metaTitle") }];
};

/** Every signed-in person's own page; the one page open to someone who must choose a password. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(await getDb(), request, roles, { ownPassword: true });
  return json({ name: user.name, email: user.email, role: user.role, required: user.passwordChangeRequired });
}

export const headers = retryAfterHeaders;

const SECRET_FIELDS = ["current", "password", "repeat"];

export async function action({ request }: ActionFunctionArgs) {
  const db = await getDb();
  const user = await requireUser(db, request, roles, { ownPassword: true });
  const submission = parseWithZod(await request.formData(), { schema: ownPasswordSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 });
  }
  const result = await changeOwnPassword(db, user, submission.value);
  if (!result.ok && result.reason === "rateLimited") {
    return json(submission.reply({ formErrors: ["login.rateLimited"], hideFields: SECRET_FIELDS }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  if (!result.ok) {
    return json(submission.reply({ fieldErrors: { current: ["account.wrongCurrent"] }, hideFields: SECRET_FIELDS }), { status: 400 });
  }
  // Back here to say it is done, with the way on to the page they were on their way to.
  const next = safeRedirect(submission.value.redirectTo, "");
  const to = `${ACCOUNT_PAGE}?bytt=1${next ? `&redirectTo=${encodeURIComponent(next)}` : ""}`;
  return redirect(to, { headers: { "Set-Cookie": result.setCookie } });
}

export default function AccountPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  // A new form after a change went through (a new visit with no reply from the action): the
  // passwords just sent are not left in the fields. A refused one keeps what was typed.
  const formKey = useRef(location.key);
  if (lastResult === undefined) formKey.current = location.key;
  const next = safeRedirect(params.get("redirectTo"), "");
  const [form, fields] = useForm({
    lastResult,
    ...checkWhenSent,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ownPasswordSchema }),
  });
  // Never filled in again from what was sent (the action hides them): the project's own field.
  const password = (field: FieldMetadata<string>) => ({
    id: field.id,
    name: field.name,
    type: "password" as const,
    error: field.errors?.[0] ? t(field.errors[0]) : undefined,
  });
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.details", { name: data.name, email: data.email, role: t(`role.${data.role}`) })}</p>
      {params.get("bytt") ? (
        <p className="success" role="status">
          {t("account.done")}
          {next ? (
            <>
              {" "}
              <Link to={next}>{t("account.continue")}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <h2>{t("account.passwordTitle")}</h2>
      {data.required ? (
        <div className="info">
          <p>{t("account.required")}</p>
        </div>
      ) : null}
      <p>{t("account.lead")}</p>
      <Form key={formKey.current} method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} messages={form.errors?.map((e) => t(e))} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField {...password(fields.current)} label={t("account.current")} autoComplete="current-password" />
        <TextField
          {...password(fields.password)}
          label={t("account.password")}
          hint={t("account.passwordHint", { min: MIN_PASSWORD })}
          autoComplete="new-password"
        />
        <TextField {...password(fields.repeat)} label={t("account.repeat")} autoComplete="new-password" />
        <button type="submit" className="primary">
          {t("account.submit")}
        </button>
      </Form>
    </>
  );
}
