import { isVictory } from "../../../modules/followup/rules/closing";
import { ACTION_KIND_LABELS } from "../../../modules/followup/rules/model";
import { Alert } from "../../ui/Alert";
import { formatDateTime, formatIsoDay } from "../../ui/format";
import { ActionPlanEditor } from "./ActionPlanEditor";
import { ClosingCriteria } from "./ClosingCriteria";
import { EventBar } from "./EventBar";
import { ScriptStepView } from "./ScriptStepView";
import type { FollowupView } from "./types";

/** Block 4: the dated action plan, the four closing criteria with the contact card, and the close. */
export function PlanBlock({ view }: { view: FollowupView }) {
  const step = view.script.steps.find((s) => s.id === "action_plan");
  if (view.state === "closed") return <ClosedSummary view={view} />;
  return (
    <>
      {step && <ScriptStepView step={step} />}
      <h3>Actions décidées</h3>
      <ActionPlanEditor view={view} />
      <h3>Critères de clôture</h3>
      <ClosingCriteria view={view} />
      <EventBar view={view} events={["close"]} />
    </>
  );
}

function ClosedSummary({ view }: { view: FollowupView }) {
  const actions = view.recorded.actions.filter((a) => a.origin === "action_plan");
  const won = isVictory(view.recorded.closing);
  return (
    <>
      <Alert kind="success" title={`Suivi clôturé le ${formatDateTime(view.closedAt)}${won ? " — appel gagné ✔" : ""}`}>
        <p>
          {won
            ? "Les quatre critères de la victoire sont réunis."
            : "Certains critères de clôture ont été répondus « non » : à retravailler au prochain contact."}
        </p>
      </Alert>
      {actions.length > 0 ? (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              {ACTION_KIND_LABELS[a.kind]} — échéance {formatIsoDay(a.dueDate)}, {a.ownerName ?? "—"}
              {a.note ? ` : ${a.note}` : ""} {a.status === "done" && <span className="badge badge--success">fait</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Aucune action : {view.recorded.noActionReason}</p>
      )}
    </>
  );
}
