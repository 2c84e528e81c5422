import { useState } from "react";
import { Link, useParams } from "react-router";
import { PREPARATION_KIND_LABELS } from "../../../modules/crm/rules/checklist";
import { CLIENT_TYPE_LABELS } from "../../../modules/crm/rules/client-model";
import { STATE_LABELS } from "../../../modules/followup/rules/workflow";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { FormActions } from "../../ui/FormActions";
import { formatPhone } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { BackLink, RecordPage } from "../../ui/RecordPage";
import { useToast } from "../../ui/Toasts";
import { useClientFollowup } from "../followup/api";
import { fieldErrors, updateClient, useAgencies, useClient, useCrmMutation, useTeam } from "./api";
import { ClientFields } from "./ClientFields";
import { ClientIdentity } from "./ClientIdentity";
import { ContractsCard } from "./ContractsCard";
import "./crm.css";
import { clientFormOf, clientPatch, numberProblems } from "./form-state";
import type { ClientDetail } from "./types";

const backLink = <BackLink to="/courtier/clients">Clients</BackLink>;

export function ClientPage() {
  const { id = "" } = useParams();
  return (
    <RecordPage
      query={useClient(id)}
      title="Client"
      back={backLink}
      loadingLabel="Chargement du client…"
      notFound="Ce client est introuvable."
    >
      {(detail) => <ClientView detail={detail} />}
    </RecordPage>
  );
}

function ClientView({ detail }: { detail: ClientDetail }) {
  const [editing, setEditing] = useState(false);
  const team = useTeam();
  const c = detail.client;
  const toComplete = detail.preparationChecklist.filter((i) => i.kind === "to_complete");
  return (
    <>
      <PageHeader
        title={c.displayName}
        back={backLink}
        subtitle={
          <span className="inline-list">
            <span className="badge badge--info">{CLIENT_TYPE_LABELS[c.type]}</span>
            {c.isTns && <span className="badge badge--info">TNS</span>}
            <span>
              {detail.agency ? `Agence ${detail.agency.brand ? `${detail.agency.brand} ` : ""}${detail.agency.name}` : "Sans agence"}
            </span>
            <span>
              {detail.accountManager
                ? `Suivi par ${detail.accountManager.firstName} ${detail.accountManager.lastName}${detail.accountManager.mobile ? ` (${formatPhone(detail.accountManager.mobile)})` : ""}`
                : "Sans chargé(e) de clientèle"}
            </span>
          </span>
        }
        actions={
          <>
            <FollowupLink clientId={c.id} />
            {!editing && (
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                Modifier la fiche
              </button>
            )}
          </>
        }
      />
      {detail.tns && (
        <Alert kind="warning" title={detail.tns.certainty === "sure" ? "Client TNS à passer en pro / TNS" : "Statut TNS à vérifier"}>
          <p>
            {detail.tns.reason}. Passez la fiche en « Professionnel » (TNS) avec le chargé de clientèle des professionnels, ou écartez la
            détection avec un motif pendant l'appel M+3.
          </p>
        </Alert>
      )}
      {editing ? <EditClient detail={detail} onDone={() => setEditing(false)} /> : <ClientIdentity detail={detail} />}
      <div className="grid grid--2">
        <ContractsCard contracts={detail.contracts} team={team.data ?? []} />
        <section className="card" aria-labelledby="client-checklist-title">
          <h2 id="client-checklist-title">Dossier : {toComplete.length === 0 ? "complet" : `${toComplete.length} point(s) à compléter`}</h2>
          <ul className="crm-checklist">
            {detail.preparationChecklist.map((item) => (
              <li key={item.id}>
                <span className={`badge ${item.kind === "to_complete" ? "badge--warning" : ""}`}>{PREPARATION_KIND_LABELS[item.kind]}</span>
                <span>
                  {item.label}
                  {(item.category === "profile" || item.category === "client_type") && (
                    <span className="small muted"> — {item.reason}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

/** The client's M+3 call, once the campaign has created it: the record and the call link to each other. */
function FollowupLink({ clientId }: { clientId: string }) {
  const followup = useClientFollowup(clientId);
  if (!followup.data) return null;
  return (
    <Link className="button button--secondary" to={`/courtier/appels-m3/${followup.data.id}`}>
      <Icon name="list" /> Appel M+3 : {STATE_LABELS[followup.data.state]}
    </Link>
  );
}

function EditClient({ detail, onDone }: { detail: ClientDetail; onDone(): void }) {
  const toast = useToast();
  const agencies = useAgencies();
  const team = useTeam();
  const [initial] = useState(() => clientFormOf(detail.client));
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useCrmMutation((body: unknown) => updateClient(detail.client.id, body));

  async function submit() {
    const body = clientPatch(initial, form);
    const local = numberProblems(body, "");
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const { changes } = await save.mutateAsync(body);
      toast.success(
        changes.length === 0
          ? "Aucune modification."
          : `Fiche mise à jour (${changes.filter((x) => x.field !== "mailingAddress").length} champ(s)).`,
      );
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
      setFailure(errorMessage(e));
    }
  }

  return (
    <form
      className="card form-section"
      aria-labelledby="edit-client-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="edit-client-title">Modifier la fiche</h2>
      {failure && (
        <Alert kind="error" title="Fiche non enregistrée">
          <p>{failure}</p>
        </Alert>
      )}
      <ClientFields form={form} errors={errors} prefix="" agencies={agencies.data ?? []} team={team.data ?? []} onChange={setForm} />
      <FormActions onCancel={onDone} busy={save.isPending} submitLabel="Enregistrer la fiche" />
    </form>
  );
}
