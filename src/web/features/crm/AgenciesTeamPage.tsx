import { useState } from "react";
import { errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field } from "../../ui/Field";
import { InlineForm } from "../../ui/FormActions";
import { formatPhone } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { actionsColumn, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { createAgency, deleteAgency, fieldErrors, updateAgency, useAgencies, useCrmMutation } from "./api";
import "./crm.css";
import { TeamCard } from "./TeamCard";
import type { Agency } from "./types";

const EMPTY = { name: "", brand: "", phone: "", email: "", address: "" };
type AgencyForm = typeof EMPTY;

export function AgenciesTeamPage() {
  const { user } = useProfile();
  if (user.role !== "broker_admin") {
    return (
      <>
        <PageHeader title="Agences et équipe" />
        <EmptyState icon="shield" title="La gestion des agences et de l'équipe est réservée aux administrateurs du cabinet." />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Agences et équipe" subtitle="Les agences du cabinet et les chargés de clientèle qui suivent les clients." />
      <AgenciesCard />
      <TeamCard />
    </>
  );
}

function AgenciesCard() {
  const toast = useToast();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<{ id: string | null; form: AgencyForm } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [toDelete, setToDelete] = useState<Agency | null>(null);
  const save = useCrmMutation(({ id, body }: { id: string | null; body: AgencyForm }) =>
    id ? updateAgency(id, body) : createAgency(body),
  );
  const remove = useCrmMutation((id: string) => deleteAgency(id));

  async function submit() {
    if (!editing) return;
    try {
      await save.mutateAsync({ id: editing.id, body: editing.form });
      toast.success(editing.id ? "Agence modifiée." : `Agence ${editing.form.name} créée.`);
      setEditing(null);
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(Object.keys(byField).length > 0 ? byField : { name: errorMessage(e) });
    }
  }

  return (
    <section className="card" aria-labelledby="agencies-title">
      <div className="card__title-row">
        <h2 id="agencies-title">Agences</h2>
        {!editing && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setErrors({});
              setEditing({ id: null, form: EMPTY });
            }}
          >
            Ajouter une agence
          </button>
        )}
      </div>
      {agencies.isPending ? (
        <LoadingState />
      ) : agencies.isError ? (
        <ErrorState error={agencies.error} onRetry={() => agencies.refetch()} />
      ) : agencies.data.length === 0 && !editing ? (
        <EmptyState title="Aucune agence : créez la première." />
      ) : (
        <Table<Agency>
          rows={agencies.data}
          rowKey={(a) => a.id}
          columns={[
            {
              key: "name",
              header: "Agence",
              sortValue: (a) => a.name,
              cell: (a) => (
                <>
                  <span className="table__primary">{a.name}</span>
                  <span className="table__secondary">{[a.brand, a.address].filter(Boolean).join(" · ") || "—"}</span>
                </>
              ),
            },
            {
              key: "contact",
              header: "Contact",
              cell: (a) => [a.phone && formatPhone(a.phone), a.email].filter(Boolean).join(" · ") || "—",
            },
            { key: "members", header: "Collaborateurs", sortValue: (a) => a.membersCount ?? 0, cell: (a) => a.membersCount ?? 0 },
            { key: "clients", header: "Clients", sortValue: (a) => a.clientsCount ?? 0, cell: (a) => a.clientsCount ?? 0 },
            actionsColumn(
              (a) => (
                <>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => {
                      setErrors({});
                      setEditing({
                        id: a.id,
                        form: { name: a.name, brand: a.brand ?? "", phone: a.phone ?? "", email: a.email ?? "", address: a.address ?? "" },
                      });
                    }}
                  >
                    Modifier
                  </button>
                  <button type="button" className="button button--danger-ghost button--small" onClick={() => setToDelete(a)}>
                    Supprimer
                  </button>
                </>
              ),
              { className: "nowrap" },
            ),
          ]}
        />
      )}
      {editing && (
        <InlineForm
          onSubmit={() => void submit()}
          onCancel={() => setEditing(null)}
          busy={save.isPending}
          submitLabel="Enregistrer l'agence"
        >
          <h3>{editing.id ? "Modifier l'agence" : "Nouvelle agence"}</h3>
          <div className="form-grid">
            {(
              [
                ["name", "Nom de l'agence", true],
                ["brand", "Enseigne / réseau", false],
                ["phone", "Téléphone", false],
                ["email", "E-mail", false],
                ["address", "Adresse", false],
              ] as const
            ).map(([key, label, required]) => (
              <Field key={key} id={`agency-${key}`} label={label} required={required} error={errors[key]}>
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    value={editing.form[key]}
                    onChange={(e) => setEditing({ ...editing, form: { ...editing.form, [key]: e.target.value } })}
                  />
                )}
              </Field>
            ))}
          </div>
        </InlineForm>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title={`Supprimer l'agence ${toDelete?.name ?? ""} ?`}
        confirmLabel="Supprimer"
        danger
        busy={remove.isPending}
        onCancel={() => setToDelete(null)}
        onConfirm={async () => {
          if (!toDelete) return;
          try {
            await remove.mutateAsync(toDelete.id);
            toast.success("Agence supprimée.");
          } catch (e) {
            toast.error(errorMessage(e));
          }
          setToDelete(null);
        }}
      >
        <Alert kind="warning">
          <p>Seule une agence sans client ni collaborateur peut être supprimée.</p>
        </Alert>
      </ConfirmDialog>
    </section>
  );
}
