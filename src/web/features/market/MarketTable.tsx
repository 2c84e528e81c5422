import { departementLabel } from "../../ui/departements";
import { formatCents } from "../../ui/format";
import { productLabel } from "../../ui/products";
import type { MarketLead } from "./api";
import { CONSENT_METHOD_LABELS, TIER_LABELS } from "./labels";

interface Props {
  leads: MarketLead[];
  busyLeadId: string | null;
  onReserve(lead: MarketLead): void;
}

/** What a broker may know before buying: product, zone, freshness, price, consent. Never who the prospect is. */
export function MarketTable({ leads, busyLeadId, onReserve }: Props) {
  return (
    <div className="table-wrap">
      <table className="table table--cards">
        <thead>
          <tr>
            <th scope="col">Produit</th>
            <th scope="col">Zone</th>
            <th scope="col">Fraîcheur</th>
            <th scope="col">Consentement</th>
            <th scope="col" className="numeric">
              Prix HT
            </th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.leadId}>
              <td>
                <span className="table__primary">{productLabel(lead.product)}</span>
                <span className="table__secondary">{lead.leadType === "rdv" ? "RDV qualifié" : "Lead"}</span>
              </td>
              <td data-label="Zone">
                {departementLabel(lead.departement)}
                <span className="table__secondary">{[lead.postalCode, lead.city].filter(Boolean).join(" ") || "—"}</span>
              </td>
              <td data-label="Fraîcheur" className="nowrap">
                <span
                  className={
                    lead.tier === "24h" ? "badge badge--success" : lead.tier === "48h" ? "badge badge--info" : "badge badge--warning"
                  }
                >
                  {TIER_LABELS[lead.tier]}
                </span>
                <span className="table__secondary">{`${lead.businessHours.toLocaleString("fr-FR")} h ouvrées`}</span>
              </td>
              <td data-label="Consentement">
                <span className="consent-ok" aria-hidden="true">
                  ✔
                </span>{" "}
                <span className="visually-hidden">Consentement vérifié : </span>
                {CONSENT_METHOD_LABELS[lead.consentMethod] ?? lead.consentMethod}
              </td>
              <td data-label="Prix HT" className="numeric nowrap">
                <strong>{formatCents(lead.priceCents)}</strong>
              </td>
              <td className="nowrap">
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busyLeadId !== null}
                  aria-busy={busyLeadId === lead.leadId}
                  onClick={() => onReserve(lead)}
                >
                  {lead.heldUntil ? "Reprendre le paiement" : "Réserver"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
