import { useParams } from "react-router";
import { CHANNEL_LABELS, LEAD_TYPE_LABELS } from "../../../modules/market/rules/sale-terms";
import { DataList } from "../../ui/DataList";
import { departementLabel } from "../../ui/departements";
import { formatCents, formatPhone, formatTimestamp } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { BackLink, LEAD_RECORD, RecordPage } from "../../ui/RecordPage";
import { channelLabel } from "../../ui/StatusBadge";
import { ConsentProofCard } from "../leads/ConsentProofCard";
import { IntegrityCard } from "../leads/IntegrityCard";
import { ProductFieldsCard } from "../leads/ProductFieldsCard";
import { AppointmentCard } from "./AppointmentCard";
import { type BrokerLeadSheet, proofPdfUrl, useBrokerLead } from "./api";
import { CallabilityCard } from "./CallabilityCard";
import { LeadTimeline } from "./LeadTimeline";
import { ReturnCard } from "./ReturnCard";
import { WorkActions } from "./WorkActions";
import { WorkStatusBadge } from "./WorkStatusBadge";

const backLink = <BackLink to="/courtier/leads">Mes leads et RDV</BackLink>;

/** The sheet of a bought lead ("fiche détaillée"): the prospect, when to call, the consent proof and its verification, the history. */
export function BrokerLeadPage() {
  const { leadId = "" } = useParams();
  return (
    <RecordPage
      query={useBrokerLead(leadId)}
      {...LEAD_RECORD}
      back={backLink}
      notFound="Ce lead est introuvable parmi ceux de votre cabinet."
    >
      {(lead) => <LeadSheet lead={lead} />}
    </RecordPage>
  );
}

function LeadSheet({ lead }: { lead: BrokerLeadSheet }) {
  const c = lead.contact;
  const name = [c.firstName, c.lastName].filter(Boolean).join(" ") || "Prospect sans nom";
  const closed = lead.work.status === "vendu" || lead.work.status === "perdu";
  return (
    <>
      <PageHeader
        title={name}
        back={backLink}
        subtitle={
          <span className="inline-list">
            <WorkStatusBadge status={lead.work.status} />
            <span>
              {productLabel(lead.product)} — {LEAD_TYPE_LABELS[lead.leadType]}
            </span>
            <span>
              {CHANNEL_LABELS[lead.sale.channel]}, le {formatTimestamp(lead.sale.soldAt)}
            </span>
          </span>
        }
        actions={
          <a className="button button--primary" href={proofPdfUrl(lead.leadId)} download data-testid="bl-proof-pdf">
            <Icon name="download" />
            Exporter la preuve (PDF)
          </a>
        }
      />
      <div className="grid grid--2">
        <section className="card" aria-labelledby="bl-contact-title">
          <h2 id="bl-contact-title">Prospect</h2>
          <DataList
            rows={[
              { label: "Prénom", value: c.firstName },
              { label: "Nom", value: c.lastName },
              { label: "Téléphone", value: c.phone && <a href={`tel:${c.phone}`}>{formatPhone(c.phone)}</a> },
              { label: "E-mail", value: c.email && <a href={`mailto:${c.email}`}>{c.email}</a> },
              { label: "Commune", value: [c.postalCode, c.city].filter(Boolean).join(" ") },
              { label: "Département", value: departementLabel(c.departement) },
              { label: "Source", value: channelLabel(lead.source) },
              {
                label: "Prix payé (HT)",
                value: `${formatCents(lead.sale.priceCents)} (${lead.sale.paidWith === "card" ? "carte" : "crédits"})`,
              },
              { label: "Identifiant", value: <code className="wrap-anywhere">{lead.leadId}</code> },
            ]}
          />
        </section>
        <WorkActions lead={lead} />
      </div>
      {lead.appointment && <AppointmentCard rdv={lead.appointment} />}
      {lead.callability && <CallabilityCard callability={lead.callability} closed={closed} />}
      <ReturnCard lead={lead} />
      <ProductFieldsCard product={lead.product} fields={lead.fields} reasons={[]} />
      {lead.proof && <ConsentProofCard proof={lead.proof} />}
      <IntegrityCard integrity={lead.integrity} />
      <LeadTimeline entries={lead.timeline} />
    </>
  );
}
