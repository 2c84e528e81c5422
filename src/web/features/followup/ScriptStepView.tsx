import type { ReactNode } from "react";
import { Icon } from "../../ui/Icon";
import type { FollowupView } from "./types";

type Step = FollowupView["script"]["steps"][number];

const STATUS_LABELS = { done: "fait", current: "en cours", upcoming: "à venir", skipped: "sans objet" } as const;

/** One step of the call script: what to say (quoted), what to do (hints), and the step's controls when current. */
export function ScriptStepView({ step, children }: { step: Step; children?: ReactNode }) {
  const open = step.status === "current";
  return (
    <section className={`fu-script-step is-${step.status}`} aria-label={step.title} data-testid={`script-${step.id}`}>
      <h3>
        {step.status === "done" && <Icon name="check" size={16} />}
        {step.title} <span className="muted">({STATUS_LABELS[step.status]})</span>
      </h3>
      {open ? (
        <>
          {step.lines.map((line) => (
            <p key={line} className="fu-say">
              {line}
            </p>
          ))}
          {step.hints.map((hint) => (
            <p key={hint} className="fu-hint">
              {hint}
            </p>
          ))}
          {children}
        </>
      ) : (
        step.status === "upcoming" &&
        step.lines.length > 0 && (
          <details>
            <summary className="fu-hint">Voir le texte</summary>
            {step.lines.map((line) => (
              <p key={line} className="fu-say">
                {line}
              </p>
            ))}
          </details>
        )
      )}
    </section>
  );
}
