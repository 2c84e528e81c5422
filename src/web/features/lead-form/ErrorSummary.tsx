import { Alert } from "../../ui/Alert";
import { fieldPathLabel } from "../../ui/field-paths";
import type { FieldErrors } from "./form-state";

/** The id of the form control that a path names, so the summary can jump to it. */
function controlId(path: string): string {
  const [root, key] = path.split(".", 2);
  if (root === "product") return "lead-product";
  if (root === "contact") return `contact-${key}`;
  if (root === "fields") return `field-${key}`;
  if (path === "consent.prechecked") return "consent-confirmed";
  return `consent-${key ?? "method"}`;
}

/** Every field at fault, named and linked, above the form: the user sees the whole list at once. */
export function ErrorSummary({ errors, product }: { errors: FieldErrors; product: string }) {
  const entries = Object.entries(errors);
  return (
    <Alert kind="error" title={entries.length > 1 ? `${entries.length} champs à corriger` : "1 champ à corriger"}>
      <p>Le lead n'a pas été envoyé : corrigez les champs signalés en rouge.</p>
      <ul className="error-summary">
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${controlId(path)}`}>{fieldPathLabel(path, product)}</a> — {message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
