import { useState } from "react";
import { PRODUCT_LINES, type ProductLine } from "../../../modules/crm/rules/product-lines";
import { ACTION_KIND_OPTIONS, type ActionKind } from "../../../modules/followup/rules/model";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { parisDay } from "../../ui/format";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

interface Draft {
  kind: ActionKind;
  productLine: ProductLine | "";
  dueDate: string;
  ownerId: string;
  note: string;
}

/** Spec 002 §7: "un plan d'actions daté" — devis, RDV, relance, each with its due date and owner. */
export function ActionPlanEditor({ view }: { view: FollowupView }) {
  const { user } = useProfile();
  const { record, error, fields, pending } = useRecord(view);
  // Messages the server tied to a field are shown under it; any other one above the button.
  const placed = Object.keys(fields).some((k) => k.startsWith("actions.") || k === "noActionReason");
  const fieldError = (key: string) =>
    fields[key] ? (
      <span className="field__error" role="alert">
        {fields[key]}
      </span>
    ) : null;
  const planned = view.recorded.actions.filter((a) => a.origin === "action_plan" && a.status === "open");
  const [drafts, setDrafts] = useState<Draft[]>(
    planned.map((a) => ({ kind: a.kind, productLine: a.productLine ?? "", dueDate: a.dueDate, ownerId: a.ownerId, note: a.note ?? "" })),
  );
  const [reason, setReason] = useState(view.recorded.noActionReason ?? "");
  const firstGap = view.recorded.rebound?.retainedGaps?.[0] ?? "";
  const add = (kind: ActionKind) =>
    setDrafts([
      ...drafts,
      { kind, productLine: kind === "follow_up" ? "" : firstGap, dueDate: parisDay(7), ownerId: view.assignedTo?.id ?? user.id, note: "" },
    ]);
  const set = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, n) => (n === i ? { ...d, ...patch } : d)));
  const save = () =>
    record(
      "action-plan",
      {
        actions: drafts.map((d) => ({
          kind: d.kind,
          productLine: d.productLine || null,
          dueDate: d.dueDate,
          ownerId: d.ownerId,
          note: d.note || null,
        })),
        noActionReason: drafts.length === 0 ? reason : null,
      },
      "PUT",
    );

  return (
    <div className="fu-rows">
      <div className="fu-choice">
        {ACTION_KIND_OPTIONS.filter((o) => o.value !== "send_documents").map((o) => (
          <button key={o.value} type="button" className="button button--secondary button--small" onClick={() => add(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
      {drafts.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no identity until saved
        <div key={i} className="fu-action" data-testid={`action-${i}`}>
          <label className="field">
            <span className="field__label">Action</span>
            <select className="input" value={d.kind} onChange={(e) => set(i, { kind: e.target.value as ActionKind })}>
              {ACTION_KIND_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Garantie</span>
            <select className="input" value={d.productLine} onChange={(e) => set(i, { productLine: e.target.value as ProductLine | "" })}>
              <option value="">—</option>
              {PRODUCT_LINES.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label className={`field${fields[`actions.${i}.dueDate`] ? " field--invalid" : ""}`}>
            <span className="field__label">Échéance</span>
            <input
              className="input"
              type="date"
              min={parisDay(0)}
              aria-invalid={fields[`actions.${i}.dueDate`] ? true : undefined}
              value={d.dueDate}
              onChange={(e) => set(i, { dueDate: e.target.value })}
            />
            {fieldError(`actions.${i}.dueDate`)}
          </label>
          <label className={`field${fields[`actions.${i}.ownerId`] ? " field--invalid" : ""}`}>
            <span className="field__label">Responsable</span>
            <select className="input" value={d.ownerId} onChange={(e) => set(i, { ownerId: e.target.value })}>
              {view.team.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {fieldError(`actions.${i}.ownerId`)}
          </label>
          <label className="field fu-action__note">
            <span className="field__label">Note</span>
            <input className="input" value={d.note} onChange={(e) => set(i, { note: e.target.value })} />
          </label>
          <button type="button" className="button button--ghost button--small" onClick={() => setDrafts(drafts.filter((_, n) => n !== i))}>
            Retirer
          </button>
        </div>
      ))}
      {drafts.length === 0 && (
        <label className={`field${fields.noActionReason ? " field--invalid" : ""}`}>
          <span className="field__label">Aucune action : motif</span>
          <textarea
            className="textarea"
            rows={2}
            value={reason}
            aria-invalid={fields.noActionReason ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Client entièrement équipé, refus, à revoir à l'échéance…"
          />
          {fieldError("noActionReason")}
        </label>
      )}
      <div>
        <button type="button" className="button button--secondary" disabled={pending} onClick={save}>
          Enregistrer le plan d'actions
        </button>
      </div>
      {error && !placed && <Alert kind="error">{error}</Alert>}
    </div>
  );
}
