import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";

import { loginSchema, safeRedirect } from "~/auth/login-schema";
import { landingPage, signIn } from "~/auth/sign-in.server";
import { getDb } from "~/db.server";
import { getSessionUser } from "~/auth/session.server";
import { useT } from "~/i18n";
import { retryAfterHeaders } from "~/server/route-headers";
import { checkWhenSent } from "~/ui/check-when-sent";
import { FormErrors } from "~/ui/form-errors";

export const meta: MetaFunction = () => [{ title: "Logga in – Värna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(await getDb(), request);
  if (user) throw redirect(landingPage(user.role));
  return null;
}

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn(await getDb(), submission.value, context.clientAddress);
  if (!result.ok) {
    const message = result.reason === "rateLimited" ? "login.rateLimited" : "login.failed";
    return json(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: result.reason === "rateLimited" ? 429 : 401,
      headers: result.reason === "rateLimited" ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
    });
  }
  return redirect(safeRedirect(submission.value.redirectTo, result.landing), {
    headers: { "Set-Cookie": result.setCookie },
  });
}

export default function LoginPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    ...checkWhenSent,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <>
      <h1>{t("login.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} messages={form.errors?.map((e) => t(e))} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor={fields.email.id}>{t("login.email")}</label>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
          {fields.email.errors ? (
            <p className="field-error" id={fields.email.errorId}>
              {t(fields.email.errors[0] ?? "")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>{t("login.password")}</label>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
          {fields.password.errors ? (
            <p className="field-error" id={fields.password.errorId}>
              {t(fields.password.errors[0] ?? "")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="primary">
          {t("login.submit")}
        </button>
      </Form>
    </>
  );
}
