import { Link, useNavigate } from "react-router";
import { CHANNEL_LABELS, LEAD_TYPE_LABELS } from "../../../modules/market/rules/sale-terms";
import { formatCents, formatDateTime, formatPhone } from "../../ui/format";
import { productLabel } from "../../ui/products";
import type { BrokerLead } from "./api";
import { CallWindowBadge, WorkStatusBadge } from "./WorkStatusBadge";

const nameOf = (l: BrokerLead) => [l.firstName, l.lastName].filter(Boolean).join(" ") || "(sans nom)";

export function BrokerLeadsTable({ leads }: { leads: BrokerLead[] }) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className="table table--clickable table--cards">
        <thead>
          <tr>
            <th scope="col">Acheté le</th>
            <th scope="col">Prospect</th>
            <th scope="col">Produit</th>
            <th scope="col">Canal</th>
            <th scope="col">Statut</th>
            <th scope="col">Délai d'appel</th>
            <th scope="col" className="numeric">
              Prix HT
            </th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            const to = `/courtier/leads/${lead.leadId}`;
            return (
              // The name is the keyboard-accessible link; the whole row is clickable for the mouse.
              <tr key={lead.leadId} onClick={() => navigate(to)}>
                <td className="nowrap" data-label="Acheté le">
                  {formatDateTime(lead.soldAt)}
                </td>
                <td data-label="Prospect">
                  <Link to={to} className="table__primary" onClick={(e) => e.stopPropagation()}>
                    {nameOf(lead)}
                  </Link>
                  <span className="table__secondary">
                    {[formatPhone(lead.phone), lead.postalCode && `${lead.postalCode} ${lead.city ?? ""}`.trim()]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </span>
                </td>
                <td data-label="Produit">
                  {productLabel(lead.product)}
                  {lead.leadType === "rdv" && <span className="table__secondary">{LEAD_TYPE_LABELS.rdv}</span>}
                </td>
                <td data-label="Canal">{CHANNEL_LABELS[lead.channel]}</td>
                <td data-label="Statut">
                  <WorkStatusBadge status={lead.status} />
                </td>
                <td data-label="Délai d'appel">
                  <CallWindowBadge daysLeft={lead.status === "nouveau" || lead.status === "contacte" ? lead.callDaysLeft : null} />
                </td>
                <td className="numeric" data-label="Prix HT">
                  {formatCents(lead.priceCents)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
