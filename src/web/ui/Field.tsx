import type { InputHTMLAttributes, ReactNode } from "react";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-required"?: boolean;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  /** Receives the accessibility attributes linking the control to its label, hint and error. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

export function Field({ id, label, required, hint, error, children, className }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      {/* The star sits outside the label so that the field's accessible name is the label alone. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {required && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, "aria-required": required || undefined })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of radios or checkboxes, labelled by a legend. */
export function FieldSet({
  legend,
  required,
  hint,
  error,
  children,
  id,
}: {
  legend: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <fieldset
      className={`field field--group${error ? " field--invalid" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
      id={id}
    >
      <legend className="field__label">
        {legend}
        {required && (
          <span className="field__required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </legend>
      {children}
      {hint && <p className="field__hint">{hint}</p>}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "className"> {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled text input (e-mail, password, card number…): the Field and its input, the other attributes passed on to the input. */
export function TextField({ id, label, value, onChange, required, hint, error, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={error}>
      {(c) => <input {...c} className="input" value={value} onChange={(e) => onChange(e.target.value)} required={required} {...input} />}
    </Field>
  );
}
