import { useState } from "react";
import {
  RETURN_REASON_LABELS,
  RETURN_REASONS,
  RETURN_STATUS_LABELS,
  type ReturnReason,
  UNREACHABLE_AFTER_CALLS,
} from "../../../modules/broker-leads/rules/returns";
import { errorMessage, fieldErrors } from "../../api/client";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { formatCents, formatDateTime, formatTimestamp } from "../../ui/format";
import { useToast } from "../../ui/Toasts";
import { type BrokerLeadSheet, useRequestReturn } from "./api";

const STATUS_BADGE = { pending: "badge--info", accepted: "badge--success", refused: "badge--danger" } as const;

/** Contest the lead within 7 days of the purchase, or see where the contest stands. */
export function ReturnCard({ lead }: { lead: BrokerLeadSheet }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReturnReason | "">("");
  const [note, setNote] = useState("");
  const request = useRequestReturn(lead.leadId);
  const toast = useToast();
  const errors = fieldErrors(request.error);
  const ret = lead.return;
  if (!ret && !lead.returnOpen) return null;
  const reasons = RETURN_REASONS.filter((r) => r !== "rdv_non_honore" || lead.leadType === "rdv");

  return (
    <section className="card" aria-labelledby="bl-return-title">
      <div className="card__title-row">
        <h2 id="bl-return-title">Contestation</h2>
        {ret && (
          <span className={`badge ${STATUS_BADGE[ret.status]}`} data-testid="bl-return-status">
            {RETURN_STATUS_LABELS[ret.status]}
          </span>
        )}
      </div>
      {ret ? (
        <>
          <p>
            Demandée le {formatTimestamp(ret.requestedAt)} : {RETURN_REASON_LABELS[ret.reason]}
            {ret.note && <> — « {ret.note} »</>}.
          </p>
          {ret.status === "pending" && (
            <p className="muted">LeadsAssurance examine votre demande ; vous serez remboursé en crédits si elle est acceptée.</p>
          )}
          {ret.status === "accepted" && <p>{formatCents(ret.priceCents)} ont été recrédités sur votre solde.</p>}
          {ret.decisionComment && <p className="muted">Commentaire de LeadsAssurance : « {ret.decisionComment} »</p>}
        </>
      ) : !open ? (
        <>
          <p className="muted">
            Faux numéro, doublon, hors cible, consentement contesté, injoignable après {UNREACHABLE_AFTER_CALLS} appels notés : vous pouvez
            contester ce lead jusqu'au {formatDateTime(lead.returnDeadline)}.
          </p>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            Contester ce lead…
          </button>
        </>
      ) : (
        <form
          className="subform"
          aria-label="Contester ce lead"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate(
              { reason: reason as ReturnReason, note: note.trim() || null },
              {
                onSuccess: () => {
                  toast.success("Contestation envoyée");
                  setOpen(false);
                },
              },
            );
          }}
        >
          <Field id="bl-return-reason" label="Motif de la contestation" required error={errors.reason ?? errors["body.reason"]}>
            {(c) => (
              <select {...c} className="input" value={reason} onChange={(e) => setReason(e.target.value as ReturnReason)}>
                <option value="">Choisir un motif…</option>
                {reasons.map((r) => (
                  <option key={r} value={r}>
                    {RETURN_REASON_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="bl-return-note" label="Précisions pour LeadsAssurance" error={errors["body.note"]}>
            {(c) => <textarea {...c} className="input" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          {request.isError && !Object.keys(errors).length && <p className="text-danger">{errorMessage(request.error)}</p>}
          <FormActions onCancel={() => setOpen(false)} busy={request.isPending} submitLabel="Envoyer la contestation" saveFirst />
        </form>
      )}
    </section>
  );
}
