import { useState } from "react";
import type { FollowupEvent } from "../../../modules/followup/rules/workflow";
import { Alert } from "../../ui/Alert";
import type { FollowupView } from "./types";
import { type Refusal, useFire } from "./use-fire";

/**
 * The buttons that move the call on. A step whose checks fail still shows its button, with the reason:
 * pressing it brings the server's answer as a prompt listing what is missing (and, for a manager, a
 * way to force the step with a reason), rather than a dead button.
 */
export function EventBar({ view, events, extra }: { view: FollowupView; events: FollowupEvent[]; extra?: object }) {
  const fired = useFire(view);
  const { fire, refusal, pending } = fired;
  const available = view.availableEvents.filter((e) => events.includes(e.event));
  if (available.length === 0) return null;
  return (
    <div className="fu-events">
      {available.map((e) => (
        <button
          key={e.event}
          type="button"
          className={`button ${e.enabled ? "button--primary" : "button--secondary"}`}
          disabled={pending}
          onClick={() => fire(e.event, extra)}
        >
          {e.label}
        </button>
      ))}
      {!refusal &&
        available
          .filter((e) => !e.enabled && e.disabledReason)
          .map((e) => (
            <p key={e.event} className="fu-events__reason">
              {e.disabledReason}
            </p>
          ))}
      <FireOutcome view={view} fired={fired} />
    </div>
  );
}

/** What came back from the last step fired: the refusal (with a way to force it) or the error. */
export function FireOutcome({ view, fired }: { view: FollowupView; fired: ReturnType<typeof useFire> }) {
  const { fire, refusal, error, clear } = fired;
  return (
    <>
      {refusal && (
        <RefusalPrompt
          view={view}
          refusal={refusal}
          onForce={(reason) => fire(refusal.event, { ...refusal.extra, override: { reason } })}
          onClose={clear}
        />
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </>
  );
}

const NOT_FORCEABLE = new Set([
  "transition_not_allowed",
  "guard_callback_date_required",
  "override_not_permitted",
  "guard_tns_unresolved",
  "guard_too_many_gaps",
  "guard_record_not_qualified",
]);

function RefusalPrompt({
  view,
  refusal,
  onForce,
  onClose,
}: {
  view: FollowupView;
  refusal: Refusal;
  onForce: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  // The list follows what the agent records meanwhile: the server's current judgement, not the one at the refusal.
  const current = view.availableEvents.find((e) => e.event === refusal.event);
  const canForce = view.canOverride && !NOT_FORCEABLE.has(refusal.code);
  if (current?.enabled) return null;
  const missing = current?.missingLabels ?? refusal.missingLabels;
  return (
    <div className="fu-refusal">
      <Alert kind="warning" title="Étape suivante refusée">
        <p>{refusal.message}</p>
        {missing.length > 0 && (
          <>
            <p>À compléter :</p>
            <ul>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        )}
        {canForce && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              onForce(reason);
            }}
          >
            <label className="field__label" htmlFor="override-reason">
              Motif du forçage (responsable d'agence)
            </label>
            <input id="override-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="button button--danger button--small">
              Forcer le passage
            </button>
          </form>
        )}
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Fermer
        </button>
      </Alert>
    </div>
  );
}
