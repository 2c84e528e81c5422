import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { departementLabel } from "../../ui/departements";
import { formatCents } from "../../ui/format";
import { productLabel } from "../../ui/products";
import { useWallet } from "../billing/api";
import type { MarketLead } from "./api";
import { TIER_LABELS } from "./labels";

interface Props {
  lead: MarketLead | null;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A purchase by credits in one step: what the lead is, its price and the balance before and after. Nothing
 * is held while the broker reads; paying by card goes through « Réserver », which keeps the lead while the
 * card is checked.
 */
export function BuyDialog({ lead, busy, onConfirm, onCancel }: Props) {
  const wallet = useWallet();
  const balance = wallet.data?.balanceCents;
  const short = lead !== null && balance !== undefined && balance < lead.priceCents;
  return (
    <ConfirmDialog
      open={lead !== null}
      title="Acheter ce lead en crédits ?"
      confirmLabel={lead ? `Acheter (${formatCents(lead.priceCents)} HT)` : "Acheter"}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {lead && (
        <>
          <p>
            {productLabel(lead.product)} · {departementLabel(lead.departement)} · {TIER_LABELS[lead.tier]}
          </p>
          <p className="muted" data-testid="buy-balance">
            Solde : {balance === undefined ? "…" : formatCents(balance)}
            {balance !== undefined && !short && `, ${formatCents(balance - lead.priceCents)} après l'achat`}
          </p>
          {short ? (
            <p className="field__hint">
              Crédits insuffisants : rechargez dans « Crédits & factures », ou réservez le lead pour le payer par carte.
            </p>
          ) : (
            <p className="muted">Le nom et les coordonnées du prospect s'affichent dès l'achat.</p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
