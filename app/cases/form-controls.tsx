/**
 * The labelled controls of the case page's command forms (conform fields): each with its
 * hint and error tied to it for screen readers.
 */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";

import { useLocale, useT, type Locale } from "../i18n";
import { translateMessage } from "./command-schemas";

export function FieldError({ field, locale }: { field: FieldMetadata<unknown>; locale: Locale }) {
  const first = field.errors?.[0];
  return first ? (
    <p className="field-error" id={field.errorId}>
      {translateMessage(locale, first)}
    </p>
  ) : null;
}

export function Hint({ id, text }: { id: string; text: string }) {
  return (
    <p className="hint" id={id}>
      {text}
    </p>
  );
}

export function TextInput({
  field,
  label,
  type = "text",
  hint,
  min,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  type?: "text" | "date" | "time";
  hint?: string;
  min?: string;
}) {
  const locale = useLocale();
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint && hintId ? <Hint id={hintId} text={hint} /> : null}
      <input {...getInputProps(field, { type, ariaDescribedBy: hintId })} min={min} />
      <FieldError field={field} locale={locale} />
    </div>
  );
}

export function TextArea({ field, label, hint }: { field: FieldMetadata<unknown>; label: string; hint?: string }) {
  const locale = useLocale();
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint && hintId ? <Hint id={hintId} text={hint} /> : null}
      <textarea {...getTextareaProps(field, { ariaDescribedBy: hintId })} />
      <FieldError field={field} locale={locale} />
    </div>
  );
}

export function Select({
  field,
  label,
  options,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  options: { value: string; label: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)}>
        <option value="">{t("cases.field.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError field={field} locale={locale} />
    </div>
  );
}

/** Radio buttons or checkboxes in a fieldset; the legend names the group. */
export function Choices({
  field,
  legend,
  type,
  options,
  hint,
}: {
  field: FieldMetadata<unknown>;
  legend: string;
  type: "radio" | "checkbox";
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const locale = useLocale();
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <fieldset id={field.id}>
      <legend>{legend}</legend>
      {hint && hintId ? <Hint id={hintId} text={hint} /> : null}
      {options.map((o, i) => {
        const id = `${field.id}-${i}`;
        return (
          <div className="choice" key={o.value}>
            <input {...getInputProps(field, { type, value: o.value, ariaDescribedBy: hintId })} id={id} />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
      <FieldError field={field} locale={locale} />
    </fieldset>
  );
}

