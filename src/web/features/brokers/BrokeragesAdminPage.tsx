import { useState } from "react";
import type { BrokerageStatus } from "../../../modules/brokers/api";
import { oriasCategoryLabel } from "../../../modules/brokers/rules/orias-categories";
import { PARTNER_CATEGORIES, partnerCategoryLabel } from "../../../modules/brokers/rules/partner-categories";
import { errorMessage } from "../../api/client";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { type AdminBrokerage, useAdminBrokerages, useReviewBrokerage } from "./api";
import "./brokers.css";

const STATUS_LABELS: Record<BrokerageStatus, string> = { pending: "À vérifier", verified: "Vérifié", refused: "Refusé" };
const STATUS_BADGES: Record<BrokerageStatus, string> = { pending: "badge--warning", verified: "badge--success", refused: "badge--danger" };

const COLUMNS: Column<AdminBrokerage>[] = [
  {
    key: "brokerage",
    header: "Cabinet",
    cardTitle: true,
    cell: (b) => (
      <>
        <div className="table__primary">{b.legalName}</div>
        <div className="table__secondary">
          SIREN {b.siren} · TVA {b.vatNumber}
          <br />
          {b.addressLine}, {b.postalCode} {b.city}
          {b.adminEmail && (
            <>
              <br />
              {b.adminEmail}
            </>
          )}
        </div>
      </>
    ),
  },
  {
    key: "orias",
    header: "ORIAS",
    cell: (b) => (
      <>
        <a href={b.oriasSearchUrl} target="_blank" rel="noopener noreferrer">
          {b.oriasNumber}
        </a>
        <div className="category-list">
          {b.oriasCategories.map((c) => (
            <span key={c} className="badge badge--info" title={oriasCategoryLabel(c)}>
              {c}
            </span>
          ))}
        </div>
      </>
    ),
  },
  {
    key: "partners",
    header: "Catégories de partenaires",
    cell: (b) =>
      b.partnerCategories.length === 0 ? (
        <span className="table__secondary">Aucune</span>
      ) : (
        <ul className="table__secondary">
          {b.partnerCategories.map((c) => (
            <li key={c}>{partnerCategoryLabel(c)}</li>
          ))}
        </ul>
      ),
  },
  {
    key: "status",
    header: "Statut",
    cell: (b) => (
      <>
        <span className={`badge ${STATUS_BADGES[b.status]}`}>{STATUS_LABELS[b.status]}</span>
        <div className="table__secondary">
          {b.status === "verified" &&
            b.verifiedAt &&
            `le ${formatDateTime(b.verifiedAt)}${b.verifiedByName ? ` par ${b.verifiedByName}` : ""}`}
          {b.status === "refused" && b.refusalReason}
          {b.status === "pending" && `inscrit le ${formatDateTime(b.createdAt)}`}
        </div>
      </>
    ),
  },
];

/** The operator's queue: check each ORIAS number on orias.fr, then verify or refuse; set partner categories. */
export function BrokeragesAdminPage() {
  const [status, setStatus] = useState<BrokerageStatus | "all">("pending");
  const list = useAdminBrokerages(status);
  const review = useReviewBrokerage();
  const toast = useToast();
  const [refusing, setRefusing] = useState<AdminBrokerage | null>(null);
  const [reason, setReason] = useState("");
  const [editing, setEditing] = useState<{ b: AdminBrokerage; categories: string[] } | null>(null);

  const run = (action: Parameters<typeof review.mutate>[0], done: string, after?: () => void) =>
    review.mutate(action, {
      onSuccess: () => {
        toast.success(done);
        after?.();
      },
      onError: (e) => toast.error(errorMessage(e)),
    });

  const actions: Column<AdminBrokerage> = {
    key: "actions",
    header: "Actions",
    cell: (b) => (
      <div className="brokerage-actions">
        {b.status !== "verified" && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={review.isPending}
            onClick={() => run({ kind: "verify", orgId: b.orgId }, `${b.legalName} : inscription ORIAS vérifiée.`)}
          >
            Vérifier
          </button>
        )}
        {b.status !== "refused" && (
          <button type="button" className="button button--danger-ghost button--small" onClick={() => setRefusing(b)}>
            Refuser…
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setEditing({ b, categories: b.partnerCategories })}
        >
          Catégories…
        </button>
      </div>
    ),
  };

  return (
    <>
      <PageHeader
        title="Cabinets à vérifier"
        subtitle="Vérifiez le numéro et les catégories sur le registre de l'ORIAS avant d'autoriser un cabinet à acheter des leads."
      />
      <div className="filters">
        <Field id="brokerage-status" label="Statut">
          {(c) => (
            <select
              {...c}
              className="input input--medium"
              value={status}
              onChange={(e) => setStatus(e.target.value as BrokerageStatus | "all")}
            >
              <option value="pending">À vérifier</option>
              <option value="verified">Vérifiés</option>
              <option value="refused">Refusés</option>
              <option value="all">Tous</option>
            </select>
          )}
        </Field>
      </div>
      <section className="card card--flush" aria-label="Cabinets">
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <div className="card__pad">
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          </div>
        ) : list.data.length === 0 ? (
          <EmptyState icon="shield" title={status === "pending" ? "Aucun cabinet à vérifier." : "Aucun cabinet."} />
        ) : (
          <Table
            rows={list.data}
            columns={[...COLUMNS, actions]}
            rowKey={(b) => b.orgId}
            rowData={(b) => ({ "data-orias": b.oriasNumber })}
            cards
          />
        )}
      </section>
      <ConfirmDialog
        open={refusing !== null}
        title={`Refuser ${refusing?.legalName ?? ""} ?`}
        confirmLabel="Refuser l'inscription"
        danger
        busy={review.isPending}
        onConfirm={() =>
          refusing &&
          reason.trim() &&
          run({ kind: "refuse", orgId: refusing.orgId, reason: reason.trim() }, `${refusing.legalName} : inscription refusée.`, () => {
            setRefusing(null);
            setReason("");
          })
        }
        onCancel={() => setRefusing(null)}
      >
        <Field id="refusal-reason" label="Motif du refus" required hint="Communiqué au cabinet">
          {(c) => <textarea {...c} className="input textarea" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        open={editing !== null}
        title={`Catégories de partenaires — ${editing?.b.legalName ?? ""}`}
        confirmLabel="Enregistrer"
        busy={review.isPending}
        onConfirm={() =>
          editing &&
          run({ kind: "categories", orgId: editing.b.orgId, partnerCategories: editing.categories }, "Catégories enregistrées.", () =>
            setEditing(null),
          )
        }
        onCancel={() => setEditing(null)}
      >
        <p>Un lead ne peut être vendu au cabinet que si le texte de consentement accepté nomme l'une de ses catégories.</p>
        <div className="partner-categories">
          {PARTNER_CATEGORIES.map((c) => (
            <label key={c.key} className="checkbox">
              <input
                type="checkbox"
                checked={editing?.categories.includes(c.key) ?? false}
                onChange={(e) =>
                  setEditing(
                    (ed) =>
                      ed && {
                        ...ed,
                        categories: PARTNER_CATEGORIES.map((p) => p.key).filter((k) =>
                          k === c.key ? e.target.checked : ed.categories.includes(k),
                        ),
                      },
                  )
                }
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </ConfirmDialog>
    </>
  );
}
