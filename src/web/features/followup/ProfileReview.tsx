import { useState } from "react";
import { REVIEW_STATUS_OPTIONS, type ReviewStatus } from "../../../modules/crm/rules/checklist";
import { Alert } from "../../ui/Alert";
import { displayValue, inputFor } from "./field-values";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

type Item = FollowupView["checklist"][number];

/**
 * Spec 002 §4.3: every point of the record, Confirmé / Modifié / Non communiqué. "Modifié" opens the
 * field inline; the server updates the client record and keeps the value before and after.
 */
export function ProfileReview({ view }: { view: FollowupView }) {
  const { record, error, pending } = useRecord(view);
  const [editing, setEditing] = useState<string | null>(null);
  const pendingItems = view.checklist.filter((i) => !i.review && i.value !== null && i.value !== "");
  const send = async (key: string, status: ReviewStatus, value?: unknown) => {
    if (await record("checklist-reviews", { reviews: [{ key, status, ...(value !== undefined ? { value } : {}) }] })) setEditing(null);
  };
  return (
    <div className="fu-rows">
      {view.checklist.map((item) => (
        <div key={item.key} className={`fu-row${item.review ? " fu-row--done" : ""}`} data-testid={`review-${item.key}`}>
          <span className="fu-row__label">
            {item.label}
            {item.mandatory && <span className="muted"> (obligatoire)</span>}
          </span>
          <span className="fu-row__value">
            {displayValue(view, item.clientPath, item.value) || <em className="muted">non renseigné</em>}
          </span>
          <fieldset className="fu-choice">
            <legend className="visually-hidden">{item.label}</legend>
            {REVIEW_STATUS_OPTIONS.map((o) => (
              <button
                key={o.value}
                type="button"
                className="button button--secondary button--small"
                aria-pressed={item.review?.status === o.value || (o.value === "modified" && editing === item.key)}
                disabled={pending}
                onClick={() => (o.value === "modified" ? setEditing(editing === item.key ? null : item.key) : send(item.key, o.value))}
              >
                {o.label}
              </button>
            ))}
          </fieldset>
          {editing === item.key && (
            <InlineEdit view={view} item={item} onSave={(value) => send(item.key, "modified", value)} onCancel={() => setEditing(null)} />
          )}
        </div>
      ))}
      {pendingItems.length > 0 && (
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={pending}
          onClick={() => record("checklist-reviews", { reviews: pendingItems.map((i) => ({ key: i.key, status: "confirmed" })) })}
        >
          Le client confirme les {pendingItems.length} points renseignés restants
        </button>
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}

function InlineEdit({
  view,
  item,
  onSave,
  onCancel,
}: {
  view: FollowupView;
  item: Item;
  onSave: (value: unknown) => void;
  onCancel: () => void;
}) {
  const input = inputFor(view, item.clientPath);
  const c = view.client;
  const [text, setText] = useState(item.value === null || item.value === undefined ? "" : String(item.value));
  const [address, setAddress] = useState({ addressLine: c.addressLine ?? "", postalCode: c.postalCode ?? "", city: c.city ?? "" });
  const id = `edit-${item.key}`;
  const value = () =>
    input.kind === "address" ? address : input.kind === "number" ? (text === "" ? null : Number(text.replace(/\s/g, ""))) : text;
  return (
    <form
      className="fu-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value());
      }}
    >
      {input.kind === "address" ? (
        (["addressLine", "postalCode", "city"] as const).map((part) => (
          <label key={part} className="field">
            <span className="field__label">{part === "addressLine" ? "Rue" : part === "postalCode" ? "Code postal" : "Commune"}</span>
            <input className="input" value={address[part]} onChange={(e) => setAddress({ ...address, [part]: e.target.value })} />
          </label>
        ))
      ) : (
        <label className="field" htmlFor={id}>
          <span className="field__label">Nouvelle valeur : {item.label}</span>
          {input.kind === "select" ? (
            <select id={id} className="input" value={text} onChange={(e) => setText(e.target.value)}>
              <option value="">—</option>
              {input.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              className="input"
              type={input.kind === "number" ? "text" : input.kind}
              inputMode={input.kind === "number" ? "numeric" : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </label>
      )}
      <button type="submit" className="button button--primary button--small">
        Enregistrer la modification
      </button>
      <button type="button" className="button button--ghost button--small" onClick={onCancel}>
        Annuler
      </button>
    </form>
  );
}
