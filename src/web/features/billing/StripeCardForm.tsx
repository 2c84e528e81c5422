import type { Stripe, StripeElements, StripeError } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../../ui/Alert";
import { Icon } from "../../ui/Icon";
import { Spinner } from "../../ui/States";
import { useCardPaymentOutcome } from "./api";

export type CardPaymentOutcome = { status: "succeeded" } | { status: "failed"; reason: string };

interface Props {
  publishableKey: string;
  /** What the server answered for the payment it started (`requires_confirmation`). */
  paymentId: string;
  clientSecret: string;
  /** "300,00 € TTC" */
  amountLabel: string;
  /** The payment is settled on the server (the webhook came), or this attempt is over: start a new payment to retry. */
  onOutcome(outcome: CardPaymentOutcome): void;
  onCancel(): void;
}

// The "pure" entry point loads Stripe.js only when a payment needs it: a demonstration deployment, whose
// policy does not allow js.stripe.com, never asks for it. One load per key for the page's life.
const loaded = new Map<string, Promise<Stripe | null>>();
const stripeFor = (key: string) => {
  let stripe = loaded.get(key);
  if (!stripe) {
    stripe = loadStripe(key, { locale: "fr" });
    stripe.catch(() => loaded.delete(key));
    loaded.set(key, stripe);
  }
  return stripe;
};

/** After this long without the webhook, the broker is told he may leave: the credit will come anyway. */
const SLOW_WEBHOOK_MS = 30_000;

/**
 * The card is entered in Stripe's Payment Element (Stripe's frames: the card number never reaches our
 * pages or server) and confirmed with the PaymentIntent's client secret. Stripe then tells our server
 * by its webhook; this form polls the payment until the server has recorded the outcome.
 */
export function StripeCardForm({ publishableKey, paymentId, clientSecret, amountLabel, onOutcome, onCancel }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [phase, setPhase] = useState<"loading" | "ready" | "confirming" | "waiting">("loading");
  const [error, setError] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const outcome = useCardPaymentOutcome(phase === "waiting" ? paymentId : null);
  const reported = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let destroy = () => {};
    stripeFor(publishableKey)
      .then((s) => {
        if (cancelled || !mountRef.current) return;
        if (!s) throw new Error("Stripe.js indisponible");
        const elements = s.elements({ clientSecret, locale: "fr" });
        const element = elements.create("payment", { layout: "tabs" });
        element.on("ready", () => setPhase((p) => (p === "loading" ? "ready" : p)));
        element.mount(mountRef.current);
        destroy = () => element.destroy();
        setStripe({ stripe: s, elements });
      })
      .catch(() => {
        if (!cancelled)
          setError("Le module de paiement sécurisé (Stripe) n'a pas pu être chargé. Vérifiez votre connexion puis réessayez.");
      });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [publishableKey, clientSecret]);

  const settled = outcome.data && outcome.data.status !== "pending" ? outcome.data : null;
  useEffect(() => {
    if (!settled || reported.current) return;
    reported.current = true;
    onOutcome(
      settled.status === "succeeded" ? { status: "succeeded" } : { status: "failed", reason: settled.failureReason ?? "Paiement refusé" },
    );
  }, [settled, onOutcome]);

  useEffect(() => {
    if (phase !== "waiting") return;
    const timer = setTimeout(() => setSlow(true), SLOW_WEBHOOK_MS);
    return () => clearTimeout(timer);
  }, [phase]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!stripe) return;
    setError(null);
    setPhase("confirming");
    const result = await stripe.stripe.confirmPayment({
      elements: stripe.elements,
      // Cards are confirmed here (3-D Secure in Stripe's frame); only a payment method that must leave
      // the page comes back to it, and the webhook credits the payment in any case.
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    if (!result.error) {
      setPhase("waiting");
      return;
    }
    // A field to complete: nothing was sent, the same payment may be confirmed again.
    if (result.error.type === "validation_error") {
      setError(result.error.message ?? "Vérifiez les informations de la carte.");
      setPhase("ready");
      return;
    }
    // Refused or unreachable: this PaymentIntent is not reused (Stripe's payment_failed webhook closes our
    // payment, and a later success on it would credit nothing); the broker pays again with a new one.
    reported.current = true;
    onOutcome({ status: "failed", reason: stripeErrorMessage(result.error) });
  }

  const busy = phase === "confirming" || phase === "waiting";
  return (
    <form className="stripe-card" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <p className="muted">Paiement sécurisé par Stripe : votre carte est saisie chez Stripe, elle ne transite pas par LeadsAssurance.</p>
      <div ref={mountRef} className="stripe-card__element" />
      {phase === "loading" && !error ? <Spinner label="Chargement du formulaire de paiement…" /> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      {phase === "waiting" ? (
        <div className="stripe-card__progress" role="status">
          <Spinner label="Paiement en cours d'enregistrement" />
          <span>
            {slow
              ? "La confirmation de Stripe tarde : le paiement sera pris en compte dès sa réception, vous pouvez quitter cette page."
              : "Carte acceptée par votre banque : enregistrement du paiement…"}
          </span>
        </div>
      ) : (
        <div className="inline-list">
          <button type="submit" className="button button--primary" disabled={phase !== "ready" || !stripe}>
            <Icon name="check" />
            {phase === "confirming" ? "Confirmation…" : `Confirmer le paiement de ${amountLabel}`}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            Annuler
          </button>
        </div>
      )}
    </form>
  );
}

const CARD_ERRORS: Record<string, string> = {
  card_declined: "Carte refusée par votre banque.",
  generic_decline: "Carte refusée par votre banque.",
  insufficient_funds: "Carte refusée : provision insuffisante.",
  lost_card: "Carte refusée par votre banque.",
  stolen_card: "Carte refusée par votre banque.",
  expired_card: "Carte expirée.",
  incorrect_cvc: "Cryptogramme (CVC) incorrect.",
  incorrect_number: "Numéro de carte incorrect.",
  processing_error: "Erreur de traitement de la carte : réessayez dans un instant.",
  authentication_required: "Votre banque demande une authentification (3-D Secure) qui n'a pas abouti.",
  payment_intent_authentication_failure: "L'authentification 3-D Secure a échoué ou a été annulée.",
};

/** Stripe's errors in French whatever Stripe.js's own language: by decline code, then error code. */
function stripeErrorMessage(error: StripeError): string {
  const known = CARD_ERRORS[error.decline_code ?? ""] ?? CARD_ERRORS[error.code ?? ""];
  if (known) return known;
  return error.type === "card_error"
    ? "Carte refusée par votre banque."
    : "Le paiement n'a pas pu être confirmé (service de paiement injoignable). Réessayez dans un instant.";
}
