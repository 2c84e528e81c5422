import { sql } from "drizzle-orm";
import type { Tx } from "../../platform/db/client";
import type { Problem } from "../audit";

/** What a genuine `lead.sold` event says of its sale (its data, as record-sale.ts wrote it). */
export interface CommittedSale {
  eventId: number;
  saleId: string;
  data: Record<string, unknown>;
}

interface StoredSale {
  id: string;
  lead_id: string;
  buyer_org_id: string;
  channel: string;
  order_id: string | null;
  hold_id: string | null;
  price_cents: number;
  price_version: number;
  tier: string;
  paid_with: string;
  payment_ref: string | null;
  sold_at: string | Date;
}

const FIELDS: [keyof StoredSale, string, string][] = [
  ["lead_id", "leadId", "le lead vendu"],
  ["buyer_org_id", "buyerOrgId", "l'acheteur"],
  ["channel", "channel", "le canal"],
  ["order_id", "orderId", "la commande"],
  ["hold_id", "holdId", "la réservation"],
  ["price_cents", "priceCents", "le prix"],
  ["price_version", "priceVersion", "la version de la grille"],
  ["tier", "tier", "la fraîcheur"],
  ["paid_with", "paidWith", "le moyen de paiement"],
  ["payment_ref", "paymentRef", "la référence de paiement"],
];

/**
 * Every sale against the event that recorded it: a sale row changed (price, buyer…), deleted (the event
 * remains) or inserted behind the application's back (no genuine event) is reported by name.
 */
export async function checkSales(tx: Tx, committed: ReadonlyMap<string, CommittedSale>, report: (p: Problem) => void) {
  const rows = ((await tx.execute(sql`select * from lead_sales order by id`)) as unknown as { rows: StoredSale[] }).rows;
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.id);
    const ref = `vente ${row.id} (lead ${row.lead_id})`;
    const event = committed.get(row.id);
    if (!event) {
      report({ kind: "sale", ref, message: "aucun événement authentique n'atteste cette vente (insérée hors de l'application)" });
      continue;
    }
    for (const [column, key, label] of FIELDS)
      if (String(row[column] ?? "") !== String(event.data[key] ?? ""))
        report({ kind: "sale", ref, message: `${label} a changé depuis la vente (événement n° ${event.eventId})` });
    if (new Date(row.sold_at).toISOString() !== event.data.soldAt)
      report({ kind: "sale", ref, message: `la date de vente a changé (événement n° ${event.eventId})` });
  }
  for (const [saleId, event] of committed)
    if (!seen.has(saleId))
      report({
        kind: "sale",
        ref: `vente ${saleId} (lead ${String(event.data.leadId)})`,
        message: `supprimée : l'événement n° ${event.eventId} atteste la vente`,
      });
}
