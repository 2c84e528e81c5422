import { Link, useNavigate } from "react-router";
import { formatDateTime, formatPhone } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { channelLabel, StatusBadge } from "../../ui/StatusBadge";
import type { LeadSummary } from "./types";

function contactName(lead: LeadSummary): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(" ");
  return name || "(sans nom)";
}

export function LeadsTable({ leads }: { leads: LeadSummary[] }) {
  const navigate = useNavigate();
  return (
    <div className="table-wrap">
      <table className="table table--clickable">
        <thead>
          <tr>
            <th scope="col">Reçu le</th>
            <th scope="col">Contact</th>
            <th scope="col">Produit</th>
            <th scope="col">Canal</th>
            <th scope="col">Statut</th>
            <th scope="col">Motifs de rejet</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            const to = `/apporteur/leads/${lead.id}`;
            const [first, ...others] = lead.reasons;
            return (
              // The name is the keyboard-accessible link; the whole row is clickable for the mouse.
              <tr key={lead.id} onClick={() => navigate(to)}>
                <td className="nowrap">{formatDateTime(lead.createdAt)}</td>
                <td>
                  <Link to={to} className="table__primary" onClick={(e) => e.stopPropagation()}>
                    {contactName(lead)}
                  </Link>
                  <span className="table__secondary">
                    {[formatPhone(lead.phone), lead.postalCode && `${lead.postalCode} ${lead.city ?? ""}`.trim()]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </span>
                </td>
                <td>{productLabel(lead.product)}</td>
                <td>{channelLabel(lead.channel)}</td>
                <td>
                  <StatusBadge status={lead.status} />
                </td>
                <td className="table__reasons">
                  {first ? (
                    <>
                      {first.message}
                      {others.length > 0 && <span className="muted"> (+{others.length})</span>}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
