/**
 * The form to add to a report: the addition, and (without an account) the receipt's code.
 * A plain HTML form checked by the server with one schema; errors come back beside their
 * fields with what was typed, so nothing is lost.
 */
import { Form } from "@remix-run/react";

import { useT } from "../i18n";
import { TextAreaField, TextField } from "../ui/fields";
import { SUPPLEMENT_MAX, type SupplementFormResult } from "./supplement-schema";

export function SupplementForm({
  withCode,
  result,
  id,
  idempotencyKey,
}: {
  withCode: boolean;
  result?: SupplementFormResult | null;
  id: string;
  /** From the page's loader: a double click or a retry posts the same key, stored once. */
  idempotencyKey: string;
}) {
  const t = useT();
  const error = (name: "code" | "text") => {
    const key = result?.fieldErrors[name]?.[0];
    return key ? t(key, { max: SUPPLEMENT_MAX }) : undefined;
  };
  return (
    // A new key per answer re-renders the fields with what the server sent back.
    <Form method="post" id={id} key={result?.id ?? "blank"} noValidate>
      {result?.formErrors.length ? (
        <div className="alert" role="alert">
          {result.formErrors.map((e) => (
            <p key={e}>{t(e)}</p>
          ))}
        </div>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {withCode ? (
        <TextField
          id={`${id}-code`}
          name="code"
          label={`${t("supplement.form.code")} ${t("intake.requiredMark")}`}
          hint={t("supplement.form.codeHint")}
          error={error("code")}
          defaultValue={result?.values.code ?? ""}
          autoComplete="off"
          spellCheck={false}
          required
        />
      ) : null}
      <TextAreaField
        id={`${id}-text`}
        name="text"
        label={`${t("supplement.form.text")} ${t("intake.requiredMark")}`}
        hint={t("supplement.form.textHint")}
        error={error("text")}
        defaultValue={result?.values.text ?? ""}
        rows={8}
        required
      />
      <button type="submit" className="primary">
        {t("supplement.form.submit")}
      </button>
    </Form>
  );
}
