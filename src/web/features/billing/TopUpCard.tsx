import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback, useState } from "react";
import { errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { TextField } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { usePacks, usePaymentProvider, useTopUp } from "./api";
import { euros } from "./format-cents";
import { type CardPaymentOutcome, StripeCardForm } from "./StripeCardForm";

const PAID = "Paiement accepté : vos crédits sont disponibles et la facture est prête.";

/** Choose a pack and pay it by card: the demonstration card outside production, Stripe's form otherwise. */
export function TopUpCard() {
  const packs = usePacks();
  const provider = usePaymentProvider();
  const topUp = useTopUp();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [packId, setPackId] = useState("pack-250");
  const [cardNumber, setCardNumber] = useState("");
  const [declined, setDeclined] = useState<string | null>(null);
  /** A Stripe payment started on the server, waiting for the card to be confirmed in Stripe's form. */
  const [toConfirm, setToConfirm] = useState<{ paymentId: string; clientSecret: string } | null>(null);
  const isAdmin = useProfile().user.role === "broker_admin";

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDeclined(null);
    topUp.mutate(
      { packId, cardNumber: cardNumber.trim() || undefined },
      {
        onSuccess: (r) => {
          if (r.status === "succeeded") {
            toast.success(PAID);
            setCardNumber("");
          } else if (r.status === "failed") setDeclined(r.reason);
          else setToConfirm({ paymentId: r.paymentId, clientSecret: r.clientSecret });
        },
      },
    );
  }

  const onOutcome = useCallback(
    (outcome: CardPaymentOutcome) => {
      setToConfirm(null);
      // The webhook credited the wallet and issued the invoice (or closed the payment as refused).
      void queryClient.invalidateQueries({ queryKey: ["billing"] });
      if (outcome.status === "succeeded") toast.success(PAID);
      else setDeclined(outcome.reason);
    },
    [queryClient, toast],
  );

  if (packs.isPending || provider.isPending) return <LoadingState />;
  if (packs.isError) return <Alert kind="error">{errorMessage(packs.error)}</Alert>;
  if (provider.isError) return <Alert kind="error">{errorMessage(provider.error)}</Alert>;
  if (!isAdmin)
    return (
      <section className="card card__pad billing-topup" aria-labelledby="topup-title">
        <h2 id="topup-title">Recharger les crédits</h2>
        <p className="muted">Seul l'administrateur du cabinet peut acheter des crédits.</p>
      </section>
    );
  const { isDemo, publishableKey } = provider.data;
  const chosen = packs.data.packs.find((p) => p.id === packId);
  const amount = chosen ? `${euros(chosen.totalTtcCents)} TTC` : "";
  return (
    <section className="card card__pad billing-topup" aria-labelledby="topup-title">
      <h2 id="topup-title">Recharger mes crédits</h2>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="billing-packs" disabled={toConfirm !== null}>
          <legend>Pack de recharge</legend>
          {packs.data.packs.map((p) => (
            <label key={p.id} className={`billing-pack ${p.id === packId ? "billing-pack--selected" : ""}`}>
              <input type="radio" name="pack" value={p.id} checked={p.id === packId} onChange={() => setPackId(p.id)} />
              <span className="billing-pack__label">{p.label}</span>
              <span className="billing-pack__detail">
                {p.bonusCents > 0 ? `+ ${euros(p.bonusCents)} offerts` : "sans bonus"} · {euros(p.totalTtcCents)} TTC
              </span>
            </label>
          ))}
        </fieldset>
        {isDemo ? (
          <div className="billing-demo" role="note">
            <strong>Carte de démonstration — aucun paiement réel</strong>
            <p>Utilisez 4242 4242 4242 4242 (acceptée) ou 4000 0000 0000 0002 (refusée). Aucune carte réelle n'est demandée ni débitée.</p>
          </div>
        ) : null}
        {isDemo ? (
          <TextField
            id="card-number"
            label="Numéro de carte (démonstration)"
            error={fieldError(topUp.error)}
            inputMode="numeric"
            autoComplete="off"
            placeholder="4242 4242 4242 4242"
            maxLength={23}
            value={cardNumber}
            onChange={setCardNumber}
          />
        ) : null}
        {declined ? <Alert kind="error">{declined}</Alert> : null}
        {topUp.isError && !fieldError(topUp.error) ? <Alert kind="error">{errorMessage(topUp.error)}</Alert> : null}
        {toConfirm ? null : (
          <button type="submit" className="button button--primary" disabled={topUp.isPending || (isDemo && !cardNumber.trim())}>
            <Icon name="check" />
            {topUp.isPending ? "Paiement…" : `Payer ${amount}`}
          </button>
        )}
      </form>
      {toConfirm && publishableKey ? (
        <StripeCardForm
          publishableKey={publishableKey}
          paymentId={toConfirm.paymentId}
          clientSecret={toConfirm.clientSecret}
          amountLabel={amount}
          onOutcome={onOutcome}
          onCancel={() => setToConfirm(null)}
        />
      ) : null}
    </section>
  );
}

function fieldError(error: unknown): string | undefined {
  const e = error as { field?: string; message?: string } | null;
  return e?.field?.endsWith("cardNumber") ? e.message : undefined;
}
