import { PREPARATION_KIND_LABELS } from "../../../modules/crm/rules/checklist";
import { StartCall } from "./StartCall";
import type { FollowupView } from "./types";

/** Block 1 (spec 002 §4.1): the prioritised "à compléter / à valider" list, computed before the call. */
export function PreparationBlock({ view }: { view: FollowupView }) {
  const toComplete = view.preparation.filter((i) => i.kind === "to_complete");
  const toValidate = view.preparation.filter((i) => i.kind === "to_validate");
  const lists = (
    <div className="grid grid--2">
      {[
        { kind: "to_complete" as const, items: toComplete },
        { kind: "to_validate" as const, items: toValidate },
      ].map(({ kind, items }) => (
        <div key={kind}>
          <h3>
            {PREPARATION_KIND_LABELS[kind]}{" "}
            <span className={`badge ${kind === "to_complete" ? "badge--warning" : "badge--info"}`}>{items.length}</span>
          </h3>
          <ol className="fu-history">
            {items.map((i) => (
              <li key={i.id}>
                <strong>{i.label}</strong>
                <span className="muted"> — {i.reason}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
  // Once the call has started the list is reference material: folded, the call's blocks come first.
  if (view.state !== "preparation") {
    return (
      <details>
        <summary>
          Préparation : {toComplete.length} point{toComplete.length > 1 ? "s" : ""} à compléter, {toValidate.length} à valider
        </summary>
        {lists}
      </details>
    );
  }
  return (
    <>
      {lists}
      <StartCall view={view} />
    </>
  );
}
