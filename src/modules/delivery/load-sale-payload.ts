import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { preparedRows } from "../../platform/db/prepared-rows";
import { productBySlug } from "../catalogue/rules";
import { type LeadContact, leadContactOf, leadContactSelect } from "../intake";
import { leadLink } from "./rules/links";

interface SaleRow extends LeadContact {
  sale_id: string;
  buyer_org_id: string;
  legal_name: string | null;
  channel: "exclusive" | "marketplace";
  price_cents: number;
  sold_at: Date | string;
  lead_id: string;
  product: string;
  lead_type: "lead" | "rdv";
  departement: string | null;
  fields: Record<string, unknown>;
  method: string | null;
  text_version: string | null;
  text_sha256: string | null;
  collected_at: Date | string | null;
  source_url: string | null;
  fingerprint: string | null;
  partners: string[] | null;
  partner_categories: string[] | null;
}

/** What the broker's tools receive about a lead he got: the webhook's `lead` object. */
export interface LeadPayload {
  id: string;
  saleId: string;
  product: string;
  productLabel: string;
  type: "lead" | "rdv";
  channel: "exclusive" | "marketplace";
  priceCents: number;
  soldAt: string;
  contact: LeadContact & { departement: string | null };
  fields: Record<string, unknown>;
  consent: {
    method: string;
    collectedAt: string;
    textVersion: string;
    textSha256: string;
    sourceUrl: string | null;
    partnersCount: number;
    partnerCategories: string[];
    fingerprint: string;
  } | null;
  link: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The sales, their leads and the leads' consents, in the order of their sale; a sale whose row or lead is
 * gone (an erased lead) is left out.
 */
export async function loadSalePayloads(
  db: DbOrTx,
  saleIds: readonly string[],
  appUrl: string | null,
): Promise<{ orgId: string; lead: LeadPayload }[]> {
  const rows = await preparedRows<SaleRow>(
    db,
    "delivery.sale-payloads",
    sql`
      select s.id as sale_id, s.buyer_org_id, s.channel, s.price_cents, s.sold_at,
             l.id as lead_id, l.product, l.type as lead_type, ${leadContactSelect}, l.departement, l.fields,
             k.method, k.text_version, k.text_sha256, k.collected_at, k.source_url, k.fingerprint,
             t.partners, t.partner_categories
      from lead_sales s
      join leads l on l.id = s.lead_id
      left join lead_consents k on k.lead_id = l.id
      left join consent_texts t on t.id = k.consent_text_id
      where s.id = any(${sql.param(saleIds)}::uuid[])
      order by s.sold_at, s.id`,
    // By key whatever the values; PostgreSQL planned it again at every delivery (0.5 ms each, decision 024).
    { genericPlan: true },
  );
  return rows.map((r) => ({
    orgId: r.buyer_org_id,
    lead: {
      id: r.lead_id,
      saleId: r.sale_id,
      product: r.product,
      productLabel: productBySlug(r.product)?.label ?? r.product,
      type: r.lead_type,
      channel: r.channel,
      priceCents: r.price_cents,
      soldAt: iso(r.sold_at),
      contact: { ...leadContactOf(r), departement: r.departement },
      fields: r.fields ?? {},
      consent:
        r.method && r.collected_at
          ? {
              method: r.method,
              collectedAt: iso(r.collected_at),
              textVersion: r.text_version ?? "",
              textSha256: r.text_sha256 ?? "",
              sourceUrl: r.source_url,
              partnersCount: r.partners?.length ?? 0,
              partnerCategories: r.partner_categories ?? [],
              fingerprint: r.fingerprint ?? "",
            }
          : null,
      link: leadLink(appUrl, r.lead_id),
    },
  }));
}
