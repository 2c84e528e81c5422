import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { PageHeader } from "../../ui/PageHeader";
import { BackLink } from "../../ui/RecordPage";
import { StepSection } from "../../ui/StepSection";
import { useToast } from "../../ui/Toasts";
import { createClient, fieldErrors, useAgencies, useCrmMutation, useTeam } from "./api";
import { ClientFields } from "./ClientFields";
import { ContractFields } from "./ContractFields";
import "./crm.css";
import { clientPayload, contractPayload, emptyClientForm, emptyContractForm, numberProblems } from "./form-state";

const backLink = <BackLink to="/courtier/clients">Clients</BackLink>;

/** Client and first contract in one form, saved together or not at all. */
export function NewClientPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const agencies = useAgencies();
  const team = useTeam();
  const [client, setClient] = useState(emptyClientForm());
  const [contract, setContract] = useState(emptyContractForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCrmMutation(createClient);

  async function submit() {
    const body = { client: clientPayload(client), contract: contractPayload(contract) };
    const local = {
      ...numberProblems(body.client, "client."),
      ...(Number.isNaN(body.contract.premiumCents) ? { "contract.premiumCents": "Montant invalide (ex. 645,50)" } : {}),
      ...(contract.productLine ? {} : { "contract.productLine": "Choisissez le produit du contrat" }),
    };
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    try {
      const detail = await create.mutateAsync(body);
      toast.success(`Client ${detail.client.displayName} créé avec son premier contrat.`);
      navigate(`/courtier/clients/${detail.client.id}`);
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? "Corrigez les champs signalés : rien n'a été enregistré." : errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title="Nouveau client"
        back={backLink}
        subtitle="La fiche et le premier contrat sont enregistrés ensemble : la date d'effet fixe le mois du suivi M+3."
      />
      <form
        className="lead-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {failure && (
          <Alert kind="error" title="Client non enregistré">
            <p>{failure}</p>
          </Alert>
        )}
        <StepSection id="new-client-title" step={1} title="Fiche client">
          <ClientFields
            form={client}
            errors={errors}
            prefix="client."
            agencies={agencies.data ?? []}
            team={team.data ?? []}
            onChange={setClient}
          />
        </StepSection>
        <StepSection id="new-contract-title" step={2} title="Premier contrat">
          <ContractFields form={contract} errors={errors} prefix="contract." team={team.data ?? []} firstContract onChange={setContract} />
        </StepSection>
        <div className="form-actions">
          <Link className="button button--ghost" to="/courtier/clients">
            Annuler
          </Link>
          <button type="submit" className="button button--primary button--large" disabled={create.isPending}>
            {create.isPending ? "Enregistrement…" : "Créer le client et son contrat"}
          </button>
        </div>
      </form>
    </>
  );
}
