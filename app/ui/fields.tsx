/**
 * Accessible form fields: a visible label, an optional hint and an error message, both tied to
 * the control with aria-describedby; aria-invalid while there is an error. Groups of radios or
 * checkboxes are a fieldset with a legend. Uncontrolled (defaultValue), so they work in a
 * plain HTML post without JavaScript.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated. */
  error?: string;
  required?: boolean;
};

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string) {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <span className="hint" id={hintId(id)}>
      {children}
    </span>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={errorId(id)}>
      {error}
    </p>
  ) : null;
}

type TextFieldProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "required" | "type"> & {
    type?: "text" | "email" | "tel" | "date" | "number" | "password";
  };

export function TextField({
  id,
  name,
  label,
  hint,
  error,
  required,
  type = "text",
  ...rest
}: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
      <input
        {...rest}
        id={id}
        name={name}
        type={type}
        required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

type TextAreaFieldProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "required">;

export function TextAreaField({ id, name, label, hint, error, required, ...rest }: TextAreaFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
      <textarea
        {...rest}
        id={id}
        name={name}
        required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export type Option = { value: string; label: ReactNode; hint?: ReactNode };

type SelectFieldProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "required"> & {
    options: Option[];
    /** Text of an empty first option, e.g. "Välj"; omitted when not given. */
    placeholder?: string;
  };

export function SelectField({
  id,
  name,
  label,
  hint,
  error,
  required,
  options,
  placeholder,
  ...rest
}: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
      <select
        {...rest}
        id={id}
        name={name}
        required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type GroupProps = Omit<Common, "label"> & {
  legend: ReactNode;
  options: Option[];
};

/** The id of each option's input: link to the first one to reach the group. */
export const optionId = (groupId: string, value: string) => `${groupId}-${value}`;

function ChoiceGroup({
  type,
  id,
  name,
  legend,
  hint,
  error,
  required,
  options,
  isChecked,
}: GroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
      {options.map((o) => {
        const inputId = optionId(id, o.value);
        return (
          <div className="choice" key={o.value}>
            <input
              type={type}
              id={inputId}
              name={name}
              value={o.value}
              defaultChecked={isChecked(o.value)}
              // A radio group is required as a whole; the browser reads that from any radio.
              required={(type === "radio" && required) || undefined}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={inputId}>
              {o.label}
              {o.hint ? (
                <>
                  <br />
                  <span className="hint">{o.hint}</span>
                </>
              ) : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function RadioGroup(props: GroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...props} type="radio" isChecked={(v) => v === props.defaultValue} />;
}

export function CheckboxGroup(props: GroupProps & { defaultValue?: readonly string[] }) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(v) => !!props.defaultValue?.includes(v)} />;
}

/** One checkbox that posts "on" when ticked. */
export function Checkbox({
  id,
  name,
  label,
  hint,
  error,
  defaultChecked,
}: Omit<Common, "required"> & { defaultChecked?: boolean }) {
  return (
    <div className="field">
      <FieldError id={id} error={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint id={id}>{hint}</Hint>
    </div>
  );
}
