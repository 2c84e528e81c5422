import { useNavigate } from "react-router";
import { formatDateTime } from "../../ui/format";
import { ProspectCell } from "../../ui/ProspectCell";
import { productLabel } from "../../ui/products";
import { channelLabel, StatusBadge } from "../../ui/StatusBadge";
import { type Column, Table } from "../../ui/Table";
import type { LeadSummary } from "./types";

const leadPath = (lead: LeadSummary) => `/apporteur/leads/${lead.id}`;

const COLUMNS: Column<LeadSummary>[] = [
  { key: "createdAt", header: "Reçu le", className: "nowrap", cell: (lead) => formatDateTime(lead.createdAt) },
  {
    key: "contact",
    header: "Contact",
    cell: (lead) => <ProspectCell prospect={lead} to={leadPath(lead)} />,
  },
  { key: "product", header: "Produit", cell: (lead) => productLabel(lead.product) },
  { key: "channel", header: "Canal", cell: (lead) => channelLabel(lead.channel) },
  { key: "status", header: "Statut", cell: (lead) => <StatusBadge status={lead.status} /> },
  {
    key: "reasons",
    header: "Motifs de rejet",
    className: "table__reasons",
    cell: ({ reasons: [first, ...others] }) =>
      first ? (
        <>
          {first.message}
          {others.length > 0 && <span className="muted"> (+{others.length})</span>}
        </>
      ) : (
        <span className="muted">—</span>
      ),
  },
];

export function LeadsTable({ leads }: { leads: LeadSummary[] }) {
  const navigate = useNavigate();
  return <Table rows={leads} columns={COLUMNS} rowKey={(lead) => lead.id} onRowClick={(lead) => navigate(leadPath(lead))} />;
}
