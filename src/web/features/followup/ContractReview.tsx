import { useState } from "react";
import {
  CONTRACT_VALIDATION_STATUS_LABELS,
  CONTRACT_VALIDATION_STATUS_OPTIONS,
  type ContractValidationStatus,
  type MissingItem,
  RECOVERY_MODE_OPTIONS,
  type RecoveryMode,
} from "../../../modules/crm/rules/contract-compliance";
import { Alert } from "../../ui/Alert";
import { formatIsoDay } from "../../ui/format";
import type { FollowupView, ViewContract } from "./types";
import { useRecord } from "./use-fire";

/**
 * Spec 002 §4.4: each contract of ours Signé, or its missing pieces listed at once with how they will
 * be recovered. The pieces the GED lacks are proposed; the agent keeps those the client confirms.
 */
export function ContractReview({ view }: { view: FollowupView }) {
  const ours = view.contracts.filter((c) => c.isOurs);
  if (ours.length === 0) return <p className="muted">Aucun contrat souscrit à l'agence à valider.</p>;
  return (
    <div className="fu-rows">
      {ours.map((c) => (
        <ContractCard key={c.id} view={view} contract={c} />
      ))}
    </div>
  );
}

function ContractCard({ view, contract }: { view: FollowupView; contract: ViewContract }) {
  const recorded = view.recorded.contractValidations.find((v) => v.contractId === contract.id);
  const { record, error, pending } = useRecord(view);
  const [status, setStatus] = useState<ContractValidationStatus | null>(recorded?.status ?? null);
  const initial: MissingItem[] = recorded?.missingItems?.length
    ? [...recorded.missingItems]
    : contract.proposedMissingItems.map((m) => ({ ...m, recoveryMode: null }));
  const [items, setItems] = useState<MissingItem[]>(initial);
  const [other, setOther] = useState("");
  const save = (next: ContractValidationStatus) =>
    record(
      "contract-validations",
      next === "signed" ? { contractId: contract.id, status: next } : { contractId: contract.id, status: next, missingItems: items },
    );
  const setMode = (i: number, mode: RecoveryMode | null) => setItems(items.map((it, n) => (n === i ? { ...it, recoveryMode: mode } : it)));

  return (
    <div className="fu-contract" data-testid={`contract-${contract.productLine}`}>
      <div className="card__title-row">
        <strong>
          Contrat {contract.productLabel}
          {contract.externalRef && ` n° ${contract.externalRef}`}
          {contract.startDate && <span className="muted"> · depuis le {formatIsoDay(contract.startDate)}</span>}
          {contract.sellerName && <span className="muted"> · vendu par {contract.sellerName}</span>}
        </strong>
        {recorded && (
          <span className={`badge ${recorded.status === "signed" ? "badge--success" : "badge--warning"}`}>
            {CONTRACT_VALIDATION_STATUS_LABELS[recorded.status]}
          </span>
        )}
      </div>
      {contract.summary && <p className="fu-hint">Reformuler : « {contract.summary} »</p>}
      <fieldset className="fu-choice">
        <legend className="visually-hidden">Contrat {contract.productLabel}</legend>
        {CONTRACT_VALIDATION_STATUS_OPTIONS.map((o) => (
          <button
            key={o.value}
            type="button"
            className="button button--secondary button--small"
            aria-pressed={status === o.value}
            disabled={pending}
            onClick={() => {
              setStatus(o.value);
              if (o.value === "signed") save("signed");
            }}
          >
            {o.label}
          </button>
        ))}
      </fieldset>
      {status && status !== "signed" && (
        <>
          <p className="fu-hint">Éléments manquants et mode de récupération :</p>
          {items.map((it, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same free label may be typed twice; the list only changes by appending or removing
            <div key={`${it.key ?? it.label}-${i}`} className="fu-missing">
              <span>{it.label}</span>
              <select
                aria-label={`Mode de récupération : ${it.label}`}
                className="input"
                value={it.recoveryMode ?? ""}
                onChange={(e) => setMode(i, (e.target.value || null) as RecoveryMode | null)}
              >
                <option value="">Mode de récupération…</option>
                {RECOVERY_MODE_OPTIONS.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => setItems(items.filter((_, n) => n !== i))}
              >
                Retirer
              </button>
            </div>
          ))}
          <div className="inline-form">
            <input
              aria-label="Autre élément manquant"
              placeholder="Autre élément manquant…"
              className="input"
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!other.trim()}
              onClick={() => {
                setItems([...items, { kind: "other", label: other.trim(), recoveryMode: null }]);
                setOther("");
              }}
            >
              Ajouter
            </button>
            <button type="button" className="button button--primary button--small" disabled={pending} onClick={() => save(status)}>
              Enregistrer : {CONTRACT_VALIDATION_STATUS_LABELS[status]}
            </button>
          </div>
        </>
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}
