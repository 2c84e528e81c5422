import { Link } from "react-router";
import { formatPhone } from "./format";

export interface ProspectSummary {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

/** A lead list's prospect: the name, its sheet's link, and the phone and town under it. */
export function ProspectCell({ prospect: p, to }: { prospect: ProspectSummary; to: string }) {
  return (
    <>
      {/* The name is the keyboard-accessible link; the whole row is clickable for the mouse. */}
      <Link to={to} className="table__primary" onClick={(e) => e.stopPropagation()}>
        {[p.firstName, p.lastName].filter(Boolean).join(" ") || "(sans nom)"}
      </Link>
      <span className="table__secondary">
        {[formatPhone(p.phone), p.postalCode && `${p.postalCode} ${p.city ?? ""}`.trim()].filter(Boolean).join(" · ") || "—"}
      </span>
    </>
  );
}
