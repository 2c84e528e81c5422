import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { notFound } from "../../platform/errors";

/** What the buyer check needs of a lead: its product and the consent text its prospect accepted. */
export async function leadForSale(db: DbOrTx, leadId: string): Promise<{ product: string; consentTextId: string }> {
  const [row] = await rawRows<{ product: string; consent_text_id: string }>(
    db,
    sql`select l.product, k.consent_text_id from leads l join lead_consents k on k.lead_id = l.id where l.id = ${leadId}::uuid`,
  );
  if (!row) throw notFound("Lead");
  return { product: row.product, consentTextId: row.consent_text_id };
}
