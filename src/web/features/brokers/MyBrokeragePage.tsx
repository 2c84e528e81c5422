import { type FormEvent, useState } from "react";
import { oriasCategoryLabel } from "../../../modules/brokers/rules/orias-categories";
import { partnerCategoryLabel } from "../../../modules/brokers/rules/partner-categories";
import { BROKER_ROLE_LABELS, type BrokerRole } from "../../../modules/brokers/rules/roles";
import { ApiError, errorMessage, fieldErrors } from "../../api/client";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { type Brokerage, type Invitation, useInvitations, useInvite, useMyBrokerage } from "./api";
import "./brokers.css";

function StatusAlert({ b }: { b: Brokerage }) {
  if (b.status === "verified")
    return (
      <Alert kind="success" title="Inscription ORIAS vérifiée">
        <p>Votre cabinet peut acheter des leads (vérifiée le {formatDateTime(b.verifiedAt)}).</p>
      </Alert>
    );
  if (b.status === "refused")
    return (
      <Alert kind="error" title="Inscription ORIAS refusée">
        <p>Motif : {b.refusalReason}. Contactez LeadsAssurance pour la corriger.</p>
      </Alert>
    );
  return (
    <Alert kind="warning" title="Inscription ORIAS en cours de vérification">
      <p>Vous pouvez consulter la salle de marché ; l'achat de leads sera ouvert dès que LeadsAssurance aura vérifié votre inscription.</p>
    </Alert>
  );
}

const INVITATION_COLUMNS: Column<Invitation>[] = [
  { key: "email", header: "E-mail", cell: (i) => i.email },
  { key: "role", header: "Rôle", cell: (i) => BROKER_ROLE_LABELS[i.role as BrokerRole] ?? i.role },
  { key: "sent", header: "Envoyée", cell: (i) => formatDateTime(i.createdAt) },
  {
    key: "state",
    header: "État",
    cell: (i) =>
      i.acceptedAt ? (
        <span className="badge badge--success">Acceptée</span>
      ) : Date.parse(i.expiresAt) < Date.now() ? (
        <span className="badge">Expirée</span>
      ) : (
        <span className="badge badge--info">En attente</span>
      ),
  },
];

function InviteCard() {
  const invitations = useInvitations(true);
  const invite = useInvite();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<BrokerRole>("broker_agent");
  const errors = fieldErrors(invite.error);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (inv) => {
          toast.success(`Invitation envoyée à ${inv.email}.`);
          setEmail("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Inviter un collègue</h2>
      {invite.isError && !(invite.error instanceof ApiError && errors.email) && (
        <Alert kind="error">
          <p>{errorMessage(invite.error)}</p>
        </Alert>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <Field id="invite-email" label="Adresse e-mail" error={errors.email}>
          {(c) => <input {...c} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="invite-role" label="Rôle">
          {(c) => (
            <select {...c} className="input" value={role} onChange={(e) => setRole(e.target.value as BrokerRole)}>
              {(Object.keys(BROKER_ROLE_LABELS) as BrokerRole[]).map((r) => (
                <option key={r} value={r}>
                  {BROKER_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={!email.trim() || invite.isPending}>
          Envoyer l'invitation
        </button>
      </form>
      {invitations.data && invitations.data.length > 0 && (
        <Table rows={invitations.data} columns={INVITATION_COLUMNS} rowKey={(i) => i.id} />
      )}
    </section>
  );
}

/** "Mon cabinet": identity, ORIAS registration and its verification; the admin invites colleagues. */
export function MyBrokeragePage() {
  const profile = useProfile();
  const brokerage = useMyBrokerage();
  return (
    <>
      <PageHeader title="Mon cabinet" subtitle="Identité du cabinet, inscription ORIAS et collègues." />
      {brokerage.isPending ? (
        <LoadingState />
      ) : brokerage.isError ? (
        brokerage.error instanceof ApiError && brokerage.error.status === 404 ? (
          <EmptyState icon="shield" title="Aucune inscription de cabinet">
            <p>Ce compte n'a pas été créé par « Créer un compte courtier » : contactez LeadsAssurance pour acheter des leads.</p>
          </EmptyState>
        ) : (
          <ErrorState error={brokerage.error} onRetry={() => brokerage.refetch()} />
        )
      ) : (
        <>
          <StatusAlert b={brokerage.data} />
          <section className="card" aria-labelledby="identity-title">
            <h2 id="identity-title">{brokerage.data.legalName}</h2>
            <dl className="datalist">
              <div className="datalist__row">
                <dt>SIREN</dt>
                <dd>{brokerage.data.siren}</dd>
              </div>
              <div className="datalist__row">
                <dt>N° de TVA</dt>
                <dd>{brokerage.data.vatNumber}</dd>
              </div>
              <div className="datalist__row">
                <dt>Adresse</dt>
                <dd>
                  {brokerage.data.addressLine}, {brokerage.data.postalCode} {brokerage.data.city}
                </dd>
              </div>
              <div className="datalist__row">
                <dt>N° ORIAS</dt>
                <dd>{brokerage.data.oriasNumber}</dd>
              </div>
              <div className="datalist__row datalist__row--wide">
                <dt>Catégories ORIAS</dt>
                <dd>
                  <ul className="plain-list">
                    {brokerage.data.oriasCategories.map((c) => (
                      <li key={c}>
                        {c} — {oriasCategoryLabel(c)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div className="datalist__row datalist__row--wide">
                <dt>Catégories de partenaires</dt>
                <dd>
                  {brokerage.data.partnerCategories.length === 0 ? (
                    "Pas encore attribuées par LeadsAssurance"
                  ) : (
                    <ul className="plain-list">
                      {brokerage.data.partnerCategories.map((c) => (
                        <li key={c}>{partnerCategoryLabel(c)}</li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </section>
        </>
      )}
      {profile.user.role === "broker_admin" && <InviteCard />}
    </>
  );
}
