import { departementLabel } from "../../ui/departements";
import { formatCents } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { actionsColumn, type Column, Table } from "../../ui/Table";
import type { MarketLead } from "./api";
import { CONSENT_METHOD_LABELS, TIER_LABELS } from "./labels";

interface Props {
  leads: MarketLead[];
  busyLeadId: string | null;
  onBuy(lead: MarketLead): void;
  onReserve(lead: MarketLead): void;
}

const TIER_BADGES: Record<string, string> = { "24h": "badge badge--success", "48h": "badge badge--info" };

const COLUMNS: Column<MarketLead>[] = [
  {
    key: "product",
    header: "Produit",
    cardTitle: true,
    cell: (lead) => (
      <>
        <span className="table__primary">{productLabel(lead.product)}</span>
        <span className="table__secondary">{lead.leadType === "rdv" ? "RDV qualifié" : "Lead"}</span>
      </>
    ),
  },
  {
    key: "zone",
    header: "Zone",
    cell: (lead) => (
      <>
        {departementLabel(lead.departement)}
        <span className="table__secondary">{[lead.postalCode, lead.city].filter(Boolean).join(" ") || "—"}</span>
      </>
    ),
  },
  {
    key: "tier",
    header: "Fraîcheur",
    className: "nowrap",
    cell: (lead) => (
      <>
        <span className={TIER_BADGES[lead.tier] ?? "badge badge--warning"}>{TIER_LABELS[lead.tier]}</span>
        <span className="table__secondary">{`${lead.businessHours.toLocaleString("fr-FR")} h ouvrées`}</span>
      </>
    ),
  },
  {
    key: "consent",
    header: "Consentement",
    cell: (lead) => (
      <>
        <span className="consent-ok" aria-hidden="true">
          ✔
        </span>{" "}
        <span className="visually-hidden">Consentement vérifié : </span>
        {CONSENT_METHOD_LABELS[lead.consentMethod] ?? lead.consentMethod}
      </>
    ),
  },
  { key: "price", header: "Prix HT", className: "numeric nowrap", cell: (lead) => <strong>{formatCents(lead.priceCents)}</strong> },
];

/** What a broker may know before buying: product, zone, freshness, price, consent. Never who the prospect is. */
export function MarketTable({ leads, busyLeadId, onBuy, onReserve }: Props) {
  const reserve: Column<MarketLead> = actionsColumn(
    (lead) => (
      <div className="inline-list">
        {/* A lead this brokerage holds is paid from its hold; otherwise credits buy it in one step. */}
        {!lead.heldUntil && (
          <button type="button" className="button button--primary button--small" disabled={busyLeadId !== null} onClick={() => onBuy(lead)}>
            Acheter
          </button>
        )}
        <button
          type="button"
          className={`button button--small ${lead.heldUntil ? "button--primary" : "button--secondary"}`}
          disabled={busyLeadId !== null}
          aria-busy={busyLeadId === lead.leadId}
          onClick={() => onReserve(lead)}
        >
          {lead.heldUntil ? "Reprendre le paiement" : "Réserver"}
        </button>
      </div>
    ),
    { header: "Action", className: "nowrap" },
  );
  return <Table rows={leads} columns={[...COLUMNS, reserve]} rowKey={(lead) => lead.leadId} cards />;
}
