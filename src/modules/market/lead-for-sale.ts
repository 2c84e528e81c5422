import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { notFound } from "../../platform/errors";
import type { LeadForSale } from "../brokers";
import { productBySlug } from "../catalogue/rules";

/** The columns leadForSaleSql gives, as the driver returns them. */
export interface LeadForSaleRow {
  product: string;
  departement: string | null;
  consent_text_id: string;
  partners: string[] | null;
  partner_categories: string[] | null;
}

export type SaleLead = LeadForSale & { consentText: { partners: string[]; partnerCategories: string[] } | null; label: string };

/**
 * What a sale needs of a lead, in one query: its product and the consent text its prospect accepted with
 * that text's coverage (the buyer check), and the label of the purchase (ledger, invoice).
 */
export async function leadForSale(db: DbOrTx, leadId: string): Promise<SaleLead> {
  const [row] = await rawRows<LeadForSaleRow>(db, leadForSaleSql(sql`${leadId}::uuid`));
  if (!row) throw notFound("Lead");
  return saleLeadOf(row);
}

/** The query of leadForSale, for a caller that reads it beside other rows (a subquery over `leadId`, an SQL expression). */
export function leadForSaleSql(leadId: SQL): SQL {
  return sql`select l.product, l.departement, k.consent_text_id, t.partners, t.partner_categories
        from leads l join lead_consents k on k.lead_id = l.id left join consent_texts t on t.id = k.consent_text_id
        where l.id = ${leadId}`;
}

export function saleLeadOf(row: LeadForSaleRow): SaleLead {
  const product = productBySlug(row.product)?.label ?? row.product;
  return {
    product: row.product,
    consentTextId: row.consent_text_id,
    consentText: row.partners && row.partner_categories ? { partners: row.partners, partnerCategories: row.partner_categories } : null,
    label: `Lead ${product}${row.departement ? ` (${row.departement})` : ""} — salle de marché`,
  };
}
