import type { FormHTMLAttributes, ReactNode } from "react";

interface FormActionsProps {
  onCancel(): void;
  /** While the form is being saved: the save button waits. */
  busy: boolean;
  submitLabel: ReactNode;
  /** The save button first (a short form inside a card, read from the save), "Annuler" after it. */
  saveFirst?: boolean;
}

/** Under a form: "Annuler", then the button that saves it (or the other way round). */
export function FormActions({ onCancel, busy, submitLabel, saveFirst }: FormActionsProps) {
  const cancel = (
    <button key="cancel" type="button" className="button button--ghost" onClick={onCancel}>
      Annuler
    </button>
  );
  const save = (
    <button key="save" type="submit" className="button button--primary" disabled={busy}>
      {submitLabel}
    </button>
  );
  return <div className="form-actions">{saveFirst ? [save, cancel] : [cancel, save]}</div>;
}

/** A form the page sends itself (by a mutation), without the browser's submission and its reload. */
export function Form({ onSubmit, ...props }: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> & { onSubmit(): void }) {
  return (
    <form
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}

/**
 * A form opened under a list (a new agency, member, contract): the browser's checks off (the server's messages are
 * shown by the fields), its fields, then Annuler and the save button.
 */
export function InlineForm({ onSubmit, children, ...actions }: FormActionsProps & { onSubmit(): void; children: ReactNode }) {
  return (
    <Form className="form-section" noValidate onSubmit={onSubmit}>
      {children}
      <FormActions {...actions} />
    </Form>
  );
}
