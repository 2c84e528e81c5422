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
import { ListCard } from "../../ui/ListCard";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { EmptyState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
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
      <ListCard
        query={queue}
        loadingLabel="Chargement des contestations…"
        isEmpty={queue.data?.length === 0}
        empty={<EmptyState icon="check" title={status === "pending" ? "Aucune contestation à traiter." : "Aucune contestation."} />}
      >
        {() =>
          queue.data && (
            <Table
              rows={queue.data}
              columns={[...COLUMNS, status === "pending" ? DECISION : COMMENT]}
              rowKey={(r) => r.id}
              rowData={(r) => ({ "data-return": r.id })}
              cards
            />
          )
        }
      </ListCard>
    </>
  );
}

const COLUMNS: Column<ReturnQueueItem>[] = [
  { key: "requestedAt", header: "Demandée le", className: "nowrap", cell: (r) => formatDateTime(r.requestedAt) },
  {
    key: "brokerage",
    header: "Cabinet",
    className: "table__wrap",
    cell: (r) => (
      <>
        <span className="table__primary">{r.brokerage.name}</span>
        <span className="table__secondary">
          {r.brokerage.returns30d} contestation(s) / {r.brokerage.purchases30d} achat(s) sur 30 j ({percent(r.brokerage.rate)})
        </span>
        {r.brokerage.rate > RETURN_RATE_CAP && <span className="badge badge--warning">Au-delà de {percent(RETURN_RATE_CAP)}</span>}
      </>
    ),
  },
  {
    key: "lead",
    header: "Lead",
    className: "table__wrap",
    cell: (r) => (
      <>
        {productLabel(r.product)} — {LEAD_TYPE_LABELS[r.leadType]}
        <span className="table__secondary">
          Acheté le {formatDateTime(r.soldAt)}, {formatCents(r.priceCents)} HT · apporteur {r.supplierName}
        </span>
      </>
    ),
  },
  {
    key: "reason",
    header: "Motif",
    className: "table__wrap",
    cell: (r) => (
      <>
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
      </>
    ),
  },
];
const DECISION: Column<ReturnQueueItem> = {
  key: "decision",
  header: "Décision",
  className: "table__wrap",
  cell: (r) => <DecisionCell item={r} />,
};
const COMMENT: Column<ReturnQueueItem> = {
  key: "comment",
  header: "Commentaire",
  className: "table__wrap",
  cell: (r) => r.decisionComment ?? <span className="muted">—</span>,
};

const DECISIONS = [
  { decision: "accept", label: "Accepter", className: "button--primary" },
  { decision: "refuse", label: "Refuser", className: "button--danger" },
] as const;

function DecisionCell({ item: r }: { item: ReturnQueueItem }) {
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
  return (
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
        {DECISIONS.map((d) => (
          <button
            key={d.decision}
            type="button"
            className={`button ${d.className} button--small`}
            disabled={decide.isPending}
            onClick={() => send(d.decision)}
          >
            {d.label}
          </button>
        ))}
      </span>
    </div>
  );
}
