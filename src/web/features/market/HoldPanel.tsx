import { useCallback, useState } from "react";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { productLabel } from "../../ui/products";
import { useToast } from "../../ui/Toasts";
import { type Hold, type MarketLead, useReleaseHold } from "./api";
import { HoldCountdown } from "./HoldCountdown";
import { departementLabel, formatCents, TIER_LABELS } from "./labels";

interface Props {
  hold: Hold;
  lead: MarketLead;
  onClose(): void;
}

/** The lead the broker holds while paying: what it is, the time left, and the ways to pay. */
export function HoldPanel({ hold, lead, onClose }: Props) {
  const release = useReleaseHold();
  const toast = useToast();
  const [expired, setExpired] = useState(false);
  const onExpired = useCallback(() => setExpired(true), []);

  const cancel = () =>
    release.mutate(hold.id, {
      onSuccess: onClose,
      onError: (e) => toast.error(errorMessage(e)),
    });

  return (
    <section className="card hold-panel" aria-labelledby="hold-title">
      <div className="hold-panel__head">
        <h2 id="hold-title">Lead réservé pour vous</h2>
        {!expired && <HoldCountdown until={hold.expiresAt} onExpired={onExpired} />}
      </div>
      <p>
        {productLabel(lead.product)} · {departementLabel(lead.departement)} · {TIER_LABELS[hold.tier]} ·{" "}
        <strong>{formatCents(hold.priceCents)} HT</strong>
      </p>
      {expired ? (
        <Alert kind="warning" title="Réservation expirée">
          Le lead est revenu dans la salle de marché. Réservez-le à nouveau s'il est encore disponible.
        </Alert>
      ) : (
        <p className="muted">Personne d'autre ne peut l'acheter pendant ce temps. Payez avec vos crédits ou par carte.</p>
      )}
      <div className="inline-list">
        <button type="button" className="button button--ghost" onClick={expired ? onClose : cancel} disabled={release.isPending}>
          {expired ? "Fermer" : "Annuler la réservation"}
        </button>
      </div>
    </section>
  );
}
