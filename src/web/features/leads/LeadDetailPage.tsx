import { Link, useParams } from "react-router";
import { Alert } from "../../ui/Alert";
import { DataList } from "../../ui/DataList";
import { formatPhone, formatTimestamp } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { ReasonsList } from "../../ui/ReasonsList";
import { BackLink, LEAD_RECORD, RecordPage } from "../../ui/RecordPage";
import { channelLabel, StatusBadge } from "../../ui/StatusBadge";
import { useLead } from "./api";
import { ConsentProofCard } from "./ConsentProofCard";
import { IntegrityCard } from "./IntegrityCard";
import { ProductFieldsCard } from "./ProductFieldsCard";
import { SubmittedDataCard } from "./SubmittedDataCard";
import type { LeadDetail } from "./types";

const backLink = <BackLink to="/apporteur/leads">Mes leads</BackLink>;

export function LeadDetailPage() {
  const { id = "" } = useParams();
  return (
    <RecordPage
      query={useLead(id)}
      {...LEAD_RECORD}
      back={backLink}
      notFound="Ce lead est introuvable."
      otherError={(error) =>
        // 410: the lead was deleted in the database while the audit journal says it was recorded.
        error.status === 410 && (
          <Alert kind="error" title="Lead supprimé hors de l'application">
            <p>{error.message}</p>
            <p>Contactez le support LeadsAssurance.</p>
          </Alert>
        )
      }
    >
      {(lead) => <LeadView lead={lead} />}
    </RecordPage>
  );
}

function problem(lead: LeadDetail, path: string) {
  return lead.reasons.find((r) => r.field === path)?.message;
}

function LeadView({ lead }: { lead: LeadDetail }) {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ") || "Lead sans nom";
  return (
    <>
      <PageHeader
        title={name}
        back={backLink}
        subtitle={
          <span className="inline-list">
            <StatusBadge status={lead.status} />
            <span>{productLabel(lead.product)}</span>
            <span>Reçu le {formatTimestamp(lead.createdAt)}</span>
          </span>
        }
      />
      {lead.status === "rejected" && (
        <Alert kind="error" title={lead.reasons.length > 1 ? `Lead rejeté — ${lead.reasons.length} motifs` : "Lead rejeté"}>
          <ReasonsList reasons={lead.reasons} product={lead.product} />
        </Alert>
      )}
      <div className="grid grid--2">
        <section className="card" aria-labelledby="lead-contact-title">
          <h2 id="lead-contact-title">Contact</h2>
          <DataList
            rows={[
              { label: "Prénom", value: lead.firstName, problem: problem(lead, "contact.firstName") },
              { label: "Nom", value: lead.lastName, problem: problem(lead, "contact.lastName") },
              { label: "Téléphone", value: formatPhone(lead.phone), problem: problem(lead, "contact.phone") },
              { label: "E-mail", value: lead.email, problem: problem(lead, "contact.email") },
              { label: "Code postal", value: lead.postalCode, problem: problem(lead, "contact.postalCode") },
              { label: "Ville", value: lead.city, problem: problem(lead, "contact.city") },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="lead-info-title">
          <h2 id="lead-info-title">Réception</h2>
          <DataList
            rows={[
              { label: "Statut", value: <StatusBadge status={lead.status} /> },
              { label: "Canal", value: channelLabel(lead.channel) },
              { label: "Référence externe", value: lead.externalRef },
              {
                label: "Import CSV",
                value: lead.importId && (
                  <Link to={`/apporteur/leads?importId=${lead.importId}`}>
                    Import n° {lead.importId.slice(0, 8)}
                    {lead.importRow ? `, ligne ${lead.importRow}` : ""}
                  </Link>
                ),
              },
              { label: "Identifiant", value: <code className="wrap-anywhere">{lead.id}</code> },
            ]}
          />
        </section>
      </div>
      <IntegrityCard integrity={lead.integrity} />
      <ProductFieldsCard product={lead.product} fields={lead.fields} reasons={lead.reasons} />
      {lead.proof ? (
        <ConsentProofCard proof={lead.proof} />
      ) : (
        <section className="card" aria-labelledby="proof-title">
          <h2 id="proof-title">
            <Icon name="shield" className="heading-icon" /> Preuve de consentement
          </h2>
          <p className="muted">
            Aucune preuve enregistrée : un lead rejeté n'a pas de consentement valable. Le consentement tel qu'il a été transmis figure dans
            les données envoyées ci-dessous.
          </p>
        </section>
      )}
      <SubmittedDataCard
        submitted={lead.submitted}
        submittedExact={lead.submittedExact}
        leadId={lead.id}
        product={lead.product}
        reasons={lead.reasons}
      />
    </>
  );
}
