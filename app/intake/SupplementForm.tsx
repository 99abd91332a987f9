/**
 * The form to add to a report: the addition, and (without an account) the receipt's code.
 * A plain HTML form that works without JavaScript; with it, fields are checked on blur with
 * the same schema the server uses.
 */
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";

import { useT } from "../i18n";
import { codeSupplementSchema, SUPPLEMENT_MAX, supplementSchema } from "./supplement-schema";

export function SupplementForm({
  withCode,
  lastResult,
  id,
}: {
  withCode: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  id: string;
}) {
  const t = useT();
  const schema = withCode ? codeSupplementSchema : supplementSchema;
  const [form, fields] = useForm<{ code?: string; text: string }>({
    id,
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const error = (e: string[] | undefined) => (e?.[0] ? t(e[0], { max: SUPPLEMENT_MAX }) : undefined);
  const codeError = error(fields.code.errors);
  const textError = error(fields.text.errors);
  return (
    <Form method="post" {...getFormProps(form)}>
      {form.errors?.length ? (
        <div className="alert" role="alert" id={form.errorId}>
          {form.errors.map((e) => (
            <p key={e}>{t(e)}</p>
          ))}
        </div>
      ) : null}
      {withCode ? (
        <div className="field">
          <label htmlFor={fields.code.id}>
            {t("supplement.form.code")} {t("intake.requiredMark")}
          </label>
          <span className="hint" id={`${fields.code.id}-hint`}>
            {t("supplement.form.codeHint")}
          </span>
          {codeError ? (
            <p className="field-error" id={fields.code.errorId}>
              {codeError}
            </p>
          ) : null}
          <input
            {...getInputProps(fields.code, { type: "text", ariaDescribedBy: `${fields.code.id}-hint` })}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fields.text.id}>
          {t("supplement.form.text")} {t("intake.requiredMark")}
        </label>
        <span className="hint" id={`${fields.text.id}-hint`}>
          {t("supplement.form.textHint")}
        </span>
        {textError ? (
          <p className="field-error" id={fields.text.errorId}>
            {textError}
          </p>
        ) : null}
        <textarea {...getTextareaProps(fields.text, { ariaDescribedBy: `${fields.text.id}-hint` })} rows={8} required />
      </div>
      <button type="submit" className="primary">
        {t("supplement.form.submit")}
      </button>
    </Form>
  );
}
