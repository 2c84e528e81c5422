import { useState } from "react";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { InlineForm } from "../../ui/FormActions";
import { formatEuros, formatIsoDay } from "../../ui/format";
import { useToast } from "../../ui/Toasts";
import { fieldErrors, updateContract, useCrmMutation } from "./api";
import { ContractFields } from "./ContractFields";
import { contractFormOf, contractPayload } from "./form-state";
import type { Contract, TeamMember } from "./types";

export function SignatureBadges({ contract }: { contract: Contract }) {
  if (!contract.isOurs) return <span className="badge">Détenu ailleurs{contract.insurerName ? ` — ${contract.insurerName}` : ""}</span>;
  const missing = contract.documents.filter((d) => !d.provided).length;
  return (
    <span className="inline-list">
      {contract.dpSigned ? (
        <span className="badge badge--success">DP signées</span>
      ) : (
        <span className="badge badge--danger">DP non signées</span>
      )}
      {contract.quoteSigned === false && <span className="badge badge--danger">Devis non signé</span>}
      {contract.quoteSigned === true && <span className="badge badge--success">Devis signé</span>}
      {missing === 0 ? (
        <span className="badge badge--success">Pièces complètes</span>
      ) : (
        <span className="badge badge--warning">{missing} pièce(s) manquante(s)</span>
      )}
    </span>
  );
}

export function ContractsCard({ contracts, team }: { contracts: Contract[]; team: TeamMember[] }) {
  return (
    <section className="card" aria-labelledby="client-contracts-title">
      <h2 id="client-contracts-title">Contrats</h2>
      <div className="crm-contracts">
        {contracts.map((c) => (
          <ContractItem key={c.id} contract={c} team={team} />
        ))}
      </div>
    </section>
  );
}

function ContractItem({ contract, team }: { contract: Contract; team: TeamMember[] }) {
  const toast = useToast();
  const [form, setForm] = useState<ReturnType<typeof contractFormOf> | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useCrmMutation((body: unknown) => updateContract(contract.id, body));

  async function submit() {
    if (!form) return;
    const { productLine: _line, ...body } = contractPayload(form);
    if (Number.isNaN(body.premiumCents)) return setErrors({ premiumCents: "Montant invalide (ex. 645,50)" });
    try {
      const { changes } = await save.mutateAsync(body);
      toast.success(changes.length === 0 ? "Aucune modification." : `Contrat mis à jour (${changes.length} champ(s)).`);
      setForm(null);
    } catch (e) {
      setErrors(fieldErrors(e));
      setFailure(errorMessage(e));
    }
  }

  return (
    <article
      className={`crm-contract${contract.isOurs ? "" : " crm-contract--elsewhere"}`}
      aria-label={`Contrat ${contract.productLineLabel}`}
    >
      <div className="crm-contract__head">
        <h3>{contract.productLineLabel}</h3>
        <SignatureBadges contract={contract} />
      </div>
      <p className="small muted">
        {[
          contract.startDate && `Effet le ${formatIsoDay(contract.startDate)}`,
          contract.renewalDate && `échéance le ${formatIsoDay(contract.renewalDate)}`,
          contract.premiumCents != null && `${formatEuros(contract.premiumCents / 100)} par an`,
          contract.sellerName && `vendu par ${contract.sellerName}`,
          contract.externalRef && `réf. ${contract.externalRef}`,
        ]
          .filter(Boolean)
          .join(" · ") || "—"}
      </p>
      {contract.summary && <p className="small">{contract.summary}</p>}
      {contract.isOurs && contract.documents.length > 0 && (
        <ul className="chip-row" aria-label="Pièces au dossier">
          {contract.documents.map((d) => (
            <li key={d.key} className={`chip${d.provided ? "" : " chip--danger"}`}>
              {d.provided ? "✓" : "✗"} {d.label}
            </li>
          ))}
        </ul>
      )}
      {form ? (
        <InlineForm
          onSubmit={() => void submit()}
          onCancel={() => setForm(null)}
          busy={save.isPending}
          submitLabel="Enregistrer le contrat"
        >
          {failure && <Alert kind="error">{failure}</Alert>}
          <ContractFields form={form} errors={errors} prefix="" team={team} lineLocked onChange={setForm} />
        </InlineForm>
      ) : (
        <div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setErrors({});
              setFailure(null);
              setForm(contractFormOf(contract));
            }}
          >
            Mettre à jour signatures et pièces
          </button>
        </div>
      )}
    </article>
  );
}
