import { useState } from "react";
import { errorMessage } from "../../api/client";
import { ROLE_LABELS } from "../../app/spaces";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { InlineForm } from "../../ui/FormActions";
import { formatPhone } from "../../ui/format";
import { LoadingState } from "../../ui/States";
import { Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { createTeamMember, fieldErrors, setMembership, useAgencies, useCrmMutation, useTeam } from "./api";

const EMPTY = {
  firstName: "",
  lastName: "",
  email: "",
  role: "broker_agent",
  password: "",
  agencyId: "",
  jobTitle: "",
  mobile: "",
  handlesProfessionals: false,
};

export function TeamCard() {
  const toast = useToast();
  const team = useTeam();
  const agencies = useAgencies();
  const [form, setForm] = useState<typeof EMPTY | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCrmMutation(createTeamMember);
  const move = useCrmMutation(({ userId, body }: { userId: string; body: unknown }) => setMembership(userId, body));

  async function submit() {
    if (!form) return;
    const { agencyId, jobTitle, mobile, ...rest } = form;
    const body = { ...rest, ...(agencyId ? { agencyId, jobTitle: jobTitle || undefined, mobile: mobile || null } : {}) };
    try {
      await create.mutateAsync(body);
      toast.success(`Compte de ${form.firstName} ${form.lastName} créé : communiquez-lui son mot de passe initial.`);
      setForm(null);
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(Object.keys(byField).length > 0 ? byField : { email: errorMessage(e) });
    }
  }

  const set = (key: keyof typeof EMPTY, value: string | boolean) => form && setForm({ ...form, [key]: value });
  const text = (
    key: "firstName" | "lastName" | "email" | "password" | "jobTitle" | "mobile",
    label: string,
    type = "text",
    required = false,
  ) => (
    <Field
      id={`member-${key}`}
      label={label}
      required={required}
      error={errors[key]}
      hint={key === "password" ? "10 caractères au moins" : undefined}
    >
      {(c) => (
        <input
          {...c}
          className="input"
          type={type}
          autoComplete="off"
          value={form?.[key] ?? ""}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby="team-title">
      <div className="card__title-row">
        <h2 id="team-title">Équipe</h2>
        {!form && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setErrors({});
              setForm(EMPTY);
            }}
          >
            Ajouter un collaborateur
          </button>
        )}
      </div>
      {team.isPending ? (
        <LoadingState />
      ) : (
        <Table
          rows={team.data ?? []}
          rowKey={(u) => u.id}
          columns={[
            {
              key: "name",
              header: "Collaborateur",
              sortValue: (u) => `${u.lastName} ${u.firstName}`,
              cell: (u) => (
                <>
                  <span className="table__primary">
                    {u.firstName} {u.lastName}
                  </span>
                  <span className="table__secondary">{u.email}</span>
                </>
              ),
            },
            {
              key: "role",
              header: "Rôle",
              cell: (u) => (
                <>
                  {ROLE_LABELS[u.role]}
                  {u.handlesProfessionals && <span className="badge badge--info"> Professionnels</span>}
                </>
              ),
            },
            {
              key: "job",
              header: "Fonction et mobile",
              cell: (u) => [u.jobTitle, u.mobile && formatPhone(u.mobile)].filter(Boolean).join(" · ") || "—",
            },
            {
              key: "agency",
              header: "Agence",
              sortValue: (u) => u.agencyName,
              cell: (u) => (
                <>
                  <label className="visually-hidden" htmlFor={`agency-of-${u.id}`}>
                    Agence de {u.firstName} {u.lastName}
                  </label>
                  <select
                    id={`agency-of-${u.id}`}
                    className="input"
                    value={u.agencyId ?? ""}
                    disabled={move.isPending}
                    onChange={async (e) => {
                      try {
                        await move.mutateAsync({ userId: u.id, body: { agencyId: e.target.value || null } });
                        toast.success(
                          e.target.value
                            ? `${u.firstName} ${u.lastName} rattaché(e) à l'agence.`
                            : `${u.firstName} ${u.lastName} détaché(e) de son agence.`,
                        );
                      } catch (err) {
                        toast.error(errorMessage(err));
                      }
                    }}
                  >
                    <option value="">Aucune agence</option>
                    {(agencies.data ?? []).map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </>
              ),
            },
          ]}
        />
      )}
      {form && (
        <InlineForm onSubmit={() => void submit()} onCancel={() => setForm(null)} busy={create.isPending} submitLabel="Créer le compte">
          <h3>Nouveau collaborateur</h3>
          {errors._ && <Alert kind="error">{errors._}</Alert>}
          <div className="form-grid">
            {text("firstName", "Prénom", "text", true)}
            {text("lastName", "Nom", "text", true)}
            {text("email", "E-mail de connexion", "email", true)}
            {text("password", "Mot de passe initial", "text", true)}
            <Field id="member-role" label="Rôle" required error={errors.role}>
              {(c) => (
                <select {...c} className="input" value={form.role} onChange={(e) => set("role", e.target.value)}>
                  <option value="broker_agent">{ROLE_LABELS.broker_agent}</option>
                  <option value="broker_admin">{ROLE_LABELS.broker_admin}</option>
                </select>
              )}
            </Field>
            <Field id="member-agency" label="Agence" error={errors.agencyId}>
              {(c) => (
                <select {...c} className="input" value={form.agencyId} onChange={(e) => set("agencyId", e.target.value)}>
                  <option value="">Aucune</option>
                  {(agencies.data ?? []).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {form.agencyId && text("jobTitle", "Fonction")}
            {form.agencyId && text("mobile", "Mobile", "tel")}
            {form.agencyId && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={form.handlesProfessionals}
                  onChange={(e) => set("handlesProfessionals", e.target.checked)}
                />
                Suit les clients professionnels et TNS
              </label>
            )}
          </div>
        </InlineForm>
      )}
    </section>
  );
}
