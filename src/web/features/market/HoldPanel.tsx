import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { departementLabel } from "../../ui/departements";
import { TextField } from "../../ui/Field";
import { formatCents } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { useToast } from "../../ui/Toasts";
import { usePaymentProvider, useWallet } from "../billing/api";
import { type CardPaymentOutcome, StripeCardForm } from "../billing/StripeCardForm";
import { fetchPurchase, type Hold, type MarketLead, type PayResult, type Purchase, usePayHold, useReleaseHold } from "./api";
import { HoldCountdown } from "./HoldCountdown";
import { TIER_LABELS } from "./labels";
import { PurchaseDone } from "./PurchaseDone";

interface Props {
  hold: Hold;
  lead: MarketLead;
  onClose(): void;
}

const VAT = 1.2;

/** The lead the broker holds while paying: what it is, the time left, and the two ways to pay. */
export function HoldPanel({ hold, lead, onClose }: Props) {
  const release = useReleaseHold();
  const pay = usePayHold();
  const wallet = useWallet();
  const provider = usePaymentProvider();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const [card, setCard] = useState("");
  const [done, setDone] = useState<Purchase | null>(null);
  /** A Stripe payment started on the server, waiting for the card to be confirmed in Stripe's form. */
  const [toConfirm, setToConfirm] = useState<{ paymentId: string; clientSecret: string } | null>(null);
  const [refunded, setRefunded] = useState(false);
  const onExpired = useCallback(() => setExpired(true), []);

  const onCardOutcome = useCallback(
    async (outcome: CardPaymentOutcome) => {
      setToConfirm(null);
      void queryClient.invalidateQueries({ queryKey: ["billing"] });
      void queryClient.invalidateQueries({ queryKey: ["market"] });
      if (outcome.status === "failed") {
        toast.error(`Paiement refusé : ${outcome.reason}. Votre réservation reste active.`);
        return;
      }
      try {
        setDone(await fetchPurchase(hold.id));
      } catch (e) {
        // Paid after the hold ended and the lead went to someone else: the webhook turned the payment into credits.
        if (e instanceof ApiError && e.status === 404) setRefunded(true);
        else toast.error(errorMessage(e));
      }
    },
    [queryClient, toast, hold.id],
  );

  if (done) return <PurchaseDone purchase={done} onClose={onClose} />;

  const onPaid = (result: PayResult) => {
    if (result.status === "paid") setDone(result.purchase);
    else if (result.status === "failed") toast.error(`Paiement refusé : ${result.reason}. Votre réservation reste active.`);
    else setToConfirm({ paymentId: result.paymentId, clientSecret: result.clientSecret });
  };
  const isDemo = provider.data?.isDemo ?? true;
  const ttc = `${formatCents(Math.round(hold.priceCents * VAT))} TTC`;
  const balance = wallet.data?.balanceCents;
  const enough = balance !== undefined && balance >= hold.priceCents;

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
        <div className="hold-panel__pay">
          <div>
            <h3>En crédits</h3>
            <p className="muted">Solde : {balance === undefined ? "…" : formatCents(balance)}</p>
            <button
              type="button"
              className="button button--primary"
              disabled={!enough || pay.isPending || toConfirm !== null}
              onClick={() =>
                pay.mutate({ holdId: hold.id, method: "credits" }, { onSuccess: onPaid, onError: (e) => toast.error(errorMessage(e)) })
              }
            >
              Payer {formatCents(hold.priceCents)} en crédits
            </button>
            {balance !== undefined && !enough && (
              <p className="field__hint">Crédits insuffisants : rechargez dans « Crédits & factures » ou payez par carte.</p>
            )}
          </div>
          {refunded ? (
            <Alert kind="warning" title="Lead plus disponible">
              Votre paiement est arrivé après la fin de la réservation : le montant a été ajouté à vos crédits (facture dans « Crédits &
              factures »).
            </Alert>
          ) : toConfirm && provider.data?.publishableKey ? (
            <div>
              <h3>Par carte</h3>
              <StripeCardForm
                publishableKey={provider.data.publishableKey}
                paymentId={toConfirm.paymentId}
                clientSecret={toConfirm.clientSecret}
                amountLabel={ttc}
                onOutcome={onCardOutcome}
                onCancel={() => setToConfirm(null)}
              />
            </div>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                pay.mutate(isDemo ? { holdId: hold.id, method: "card", cardNumber: card } : { holdId: hold.id, method: "card" }, {
                  onSuccess: onPaid,
                  onError: (err) => toast.error(errorMessage(err)),
                });
              }}
            >
              <h3>Par carte</h3>
              {isDemo ? (
                <TextField
                  id="hold-card"
                  label="Numéro de carte"
                  hint="Carte de démonstration — aucun paiement réel : 4242 4242 4242 4242 (acceptée), 4000 0000 0000 0002 (refusée)."
                  inputMode="numeric"
                  autoComplete="cc-number"
                  value={card}
                  onChange={setCard}
                />
              ) : (
                <p className="muted">Vous saisirez votre carte dans le formulaire sécurisé de Stripe.</p>
              )}
              <button
                type="submit"
                className="button button--secondary"
                disabled={pay.isPending || provider.isPending || (isDemo && card.trim() === "")}
              >
                Payer {ttc} par carte
              </button>
            </form>
          )}
        </div>
      )}
      <div className="inline-list">
        <button
          type="button"
          className="button button--ghost"
          onClick={expired ? onClose : () => release.mutate(hold.id, { onSuccess: onClose, onError: (e) => toast.error(errorMessage(e)) })}
          // While Stripe confirms a card, the hold stays: releasing it would turn a sale into credits.
          disabled={release.isPending || pay.isPending || (!expired && toConfirm !== null)}
        >
          {expired ? "Fermer" : "Annuler la réservation"}
        </button>
      </div>
    </section>
  );
}
