import { Link, useNavigate } from "react-router";
import { formatDateTime, formatPhone } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { channelLabel, StatusBadge } from "../../ui/StatusBadge";
import { type Column, Table } from "../../ui/Table";
import type { LeadSummary } from "./types";

function contactName(lead: LeadSummary): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ");
  return name || "(sans nom)";
}

const leadPath = (lead: LeadSummary) => `/apporteur/leads/${lead.id}`;

const COLUMNS: Column<LeadSummary>[] = [
  { key: "createdAt", header: "Reçu le", className: "nowrap", cell: (lead) => formatDateTime(lead.createdAt) },
  {
    key: "contact",
    header: "Contact",
    cell: (lead) => (
      <>
        {/* The name is the keyboard-accessible link; the whole row is clickable for the mouse. */}
        <Link to={leadPath(lead)} className="table__primary" onClick={(e) => e.stopPropagation()}>
          {contactName(lead)}
        </Link>
        <span className="table__secondary">
          {[formatPhone(lead.phone), lead.postalCode && `${lead.postalCode} ${lead.city ?? ""}`.trim()].filter(Boolean).join(" · ") || "—"}
        </span>
      </>
    ),
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
