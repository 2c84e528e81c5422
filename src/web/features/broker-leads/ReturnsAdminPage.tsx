import { useState } from "react";
import {
  RETURN_RATE_CAP,
  RETURN_REASON_LABELS,
  RETURN_STATUS_LABELS,
  type ReturnStatus,
} from "../../../modules/broker-leads/rules/returns";
import { LEAD_TYPE_LABELS } from "../../../modules/market/rules/sale-terms";
import { errorMessage } from "../../api/client";
import { formatCents, formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { type ReturnQueueItem, useDecideReturn, useReturnQueue } from "./api";

const percent = (r: number) => `${Math.round(r * 100)} %`;

/** The operator's queue of returns: what each rests on, and the decision (accept: credits back; refuse: with a comment). */
export function ReturnsAdminPage() {
  const [status, setStatus] = useState<ReturnStatus>("pending");
  const queue = useReturnQueue(status);
  return (
    <>
      <PageHeader
        title="Contestations"
        subtitle={`Les cabinets contestent un lead dans les 7 jours de son achat ; au-delà de ${percent(RETURN_RATE_CAP)} de leurs achats sur 30 jours, ils ne le peuvent plus.`}
      />
      <div className="radios radios--inline" role="radiogroup" aria-label="Statut">
        {(["pending", "accepted", "refused"] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="return-status" checked={status === s} onChange={() => setStatus(s)} />
            {s === "pending" ? "À traiter" : `${RETURN_STATUS_LABELS[s]}s`}
          </label>
        ))}
      </div>
      <section className="card card--flush" aria-live="polite">
        {queue.isPending ? (
          <LoadingState label="Chargement des contestations…" />
        ) : queue.isError ? (
          <div className="card__pad">
            <ErrorState error={queue.error} onRetry={() => queue.refetch()} />
          </div>
        ) : queue.data.length === 0 ? (
          <EmptyState icon="check" title={status === "pending" ? "Aucune contestation à traiter." : "Aucune contestation."} />
        ) : (
          <div className="table-wrap">
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">Demandée le</th>
                  <th scope="col">Cabinet</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Motif</th>
                  <th scope="col">{status === "pending" ? "Décision" : "Commentaire"}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.map((r) => (
                  <ReturnRow key={r.id} item={r} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ReturnRow({ item: r }: { item: ReturnQueueItem }) {
  const [comment, setComment] = useState("");
  const decide = useDecideReturn();
  const toast = useToast();
  const send = (decision: "accept" | "refuse") =>
    decide.mutate(
      { returnId: r.id, decision, comment: comment.trim() || null },
      {
        onSuccess: () =>
          toast.success(
            decision === "accept" ? `Acceptée : ${formatCents(r.priceCents)} recrédités à ${r.brokerage.name}` : "Contestation refusée",
          ),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  const overCap = r.brokerage.rate > RETURN_RATE_CAP;
  return (
    <tr data-return={r.id}>
      <td className="nowrap" data-label="Demandée le">
        {formatDateTime(r.requestedAt)}
      </td>
      <td className="table__wrap" data-label="Cabinet">
        <span className="table__primary">{r.brokerage.name}</span>
        <span className="table__secondary">
          {r.brokerage.returns30d} contestation(s) / {r.brokerage.purchases30d} achat(s) sur 30 j ({percent(r.brokerage.rate)})
        </span>
        {overCap && <span className="badge badge--warning">Au-delà de {percent(RETURN_RATE_CAP)}</span>}
      </td>
      <td className="table__wrap" data-label="Lead">
        {productLabel(r.product)} — {LEAD_TYPE_LABELS[r.leadType]}
        <span className="table__secondary">
          Acheté le {formatDateTime(r.soldAt)}, {formatCents(r.priceCents)} HT · apporteur {r.supplierName}
        </span>
      </td>
      <td className="table__wrap" data-label="Motif">
        {RETURN_REASON_LABELS[r.reason]}
        {r.note && <span className="table__secondary">« {r.note} »</span>}
        <span className="table__secondary">{r.failedAttempts} appel(s) sans réponse noté(s)</span>
        {r.reason === "doublon" && (
          <span className="table__secondary">
            {r.duplicateOf
              ? `Même téléphone et produit achetés le mois précédent (lead ${r.duplicateOf.slice(0, 8)})`
              : "Aucun achat antérieur du même numéro trouvé"}
          </span>
        )}
      </td>
      <td className="table__wrap" data-label={r.status === "pending" ? "Décision" : "Commentaire"}>
        {r.status === "pending" ? (
          <div className="stack-small">
            <label className="visually-hidden" htmlFor={`comment-${r.id}`}>
              Commentaire pour le cabinet
            </label>
            <input
              id={`comment-${r.id}`}
              className="input"
              placeholder="Commentaire (obligatoire pour refuser)"
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <span className="inline-list">
              <button
                type="button"
                className="button button--primary button--small"
                disabled={decide.isPending}
                onClick={() => send("accept")}
              >
                Accepter
              </button>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={decide.isPending}
                onClick={() => send("refuse")}
              >
                Refuser
              </button>
            </span>
          </div>
        ) : (
          (r.decisionComment ?? <span className="muted">—</span>)
        )}
      </td>
    </tr>
  );
}
