import { useNavigate } from "react-router";
import { CHANNEL_LABELS, LEAD_TYPE_LABELS } from "../../../modules/market/rules/sale-terms";
import { formatCents, formatDateTime } from "../../ui/format";
import { ProspectCell } from "../../ui/ProspectCell";
import { productLabel } from "../../ui/products";
import { type Column, Table } from "../../ui/Table";
import type { BrokerLead } from "./api";
import { CallWindowBadge, WorkStatusBadge } from "./WorkStatusBadge";

const leadPath = (l: BrokerLead) => `/courtier/leads/${l.leadId}`;

const COLUMNS: Column<BrokerLead>[] = [
  { key: "soldAt", header: "Acheté le", className: "nowrap", cell: (lead) => formatDateTime(lead.soldAt) },
  {
    key: "prospect",
    header: "Prospect",
    cell: (lead) => <ProspectCell prospect={lead} to={leadPath(lead)} />,
  },
  {
    key: "product",
    header: "Produit",
    cell: (lead) => (
      <>
        {productLabel(lead.product)}
        {lead.leadType === "rdv" && <span className="table__secondary">{LEAD_TYPE_LABELS.rdv}</span>}
      </>
    ),
  },
  { key: "channel", header: "Canal", cell: (lead) => CHANNEL_LABELS[lead.channel] },
  { key: "status", header: "Statut", cell: (lead) => <WorkStatusBadge status={lead.status} /> },
  {
    key: "callWindow",
    header: "Délai d'appel",
    cell: (lead) => <CallWindowBadge daysLeft={lead.status === "nouveau" || lead.status === "contacte" ? lead.callDaysLeft : null} />,
  },
  { key: "price", header: "Prix HT", className: "numeric", cell: (lead) => formatCents(lead.priceCents) },
];

export function BrokerLeadsTable({ leads }: { leads: BrokerLead[] }) {
  const navigate = useNavigate();
  return <Table rows={leads} columns={COLUMNS} rowKey={(lead) => lead.leadId} onRowClick={(lead) => navigate(leadPath(lead))} cards />;
}
