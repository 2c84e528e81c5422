export const LEDGER_KINDS = ["top_up", "exclusive_sale", "marketplace_purchase", "refund", "adjustment"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  top_up: "Recharge",
  exclusive_sale: "Lead exclusif",
  marketplace_purchase: "Salle de marché",
  refund: "Remboursement",
  adjustment: "Ajustement",
};
