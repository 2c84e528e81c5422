import { formatCents, formatPhone } from "../../ui/format";
import type { Purchase } from "./api";

/** The lead is the broker's now: who to call, at once. */
export function PurchaseDone({ purchase, onClose }: { purchase: Purchase; onClose(): void }) {
  const c = purchase.contact;
  return (
    <section className="card hold-panel hold-panel--done" aria-live="polite">
      <h2>Lead acheté</h2>
      <p>
        {formatCents(purchase.priceCents)} HT payés{" "}
        {purchase.paidWith === "credits" ? "en crédits" : "par carte (facture disponible dans Crédits & factures)"}. Ce lead est à vous
        seul.
      </p>
      <dl className="datalist datalist--compact">
        <div className="datalist__row">
          <dt>Prospect</dt>
          <dd>{[c.firstName, c.lastName].filter(Boolean).join(" ") || "—"}</dd>
        </div>
        <div className="datalist__row">
          <dt>Téléphone</dt>
          <dd>{c.phone ? <a href={`tel:${c.phone}`}>{formatPhone(c.phone)}</a> : "—"}</dd>
        </div>
        <div className="datalist__row">
          <dt>E-mail</dt>
          <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—"}</dd>
        </div>
        <div className="datalist__row">
          <dt>Commune</dt>
          <dd>{[c.postalCode, c.city].filter(Boolean).join(" ") || "—"}</dd>
        </div>
      </dl>
      <button type="button" className="button button--secondary" onClick={onClose}>
        Retour à la salle de marché
      </button>
    </section>
  );
}
