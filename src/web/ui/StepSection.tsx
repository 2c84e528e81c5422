import type { ReactNode } from "react";

interface StepSectionProps {
  /** The heading's id, which names the section. */
  id: string;
  /** Its number in the form's order. */
  step: number;
  title: ReactNode;
  /** The section's content changes by itself (an import running): screen readers are told. */
  live?: boolean;
  children: ReactNode;
}

/** One numbered step of a long form (a lead, a client, a CRM import), in its own card. */
export function StepSection({ id, step, title, live, children }: StepSectionProps) {
  return (
    <section className="card form-section" aria-labelledby={id} aria-live={live ? "polite" : undefined}>
      <h2 id={id}>
        <span className="step">{step}</span> {title}
      </h2>
      {children}
    </section>
  );
}
