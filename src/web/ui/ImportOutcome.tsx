import type { ReactNode } from "react";
import { Alert } from "./Alert";
import { type Kpi, Kpis } from "./Kpis";

interface ImportOutcomeProps {
  /** The heading's id, which names the card. */
  id: string;
  /** The import stopped before the end of its file. */
  failed: boolean;
  /** The file (and what it held). */
  file: ReactNode;
  /** Why it stopped, when it did. */
  error: string | null | undefined;
  kpis: readonly Kpi[];
  kpisClassName: string;
  /** The buttons under the figures: the rejected lines, the imported records, another import. */
  children: ReactNode;
}

/** The end of a file import (leads, CRM clients): finished or stopped, why, its figures and what to do next. */
export function ImportOutcome({ id, failed, file, error, kpis, kpisClassName, children }: ImportOutcomeProps) {
  return (
    <section className={`card outcome ${failed ? "outcome--danger" : "outcome--success"}`} aria-labelledby={id} aria-live="polite">
      <h2 id={id}>{failed ? "Import interrompu" : "Import terminé"}</h2>
      <p className="muted">{file}</p>
      {error && (
        <Alert kind="error">
          <p>{error}</p>
        </Alert>
      )}
      <Kpis className={kpisClassName} items={kpis} />
      <div className="inline-list">{children}</div>
    </section>
  );
}
