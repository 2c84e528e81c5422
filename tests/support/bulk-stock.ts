import { PRODUCT_SLUGS } from "../../src/modules/catalogue/rules";

export const BULK_DEPARTEMENTS = ["13", "33", "31", "44", "69", "75", "59", "67", "06", "34"];

/**
 * One statement that stocks `n` accepted leads with their consent and listing, as the intake and the router
 * would leave them: received over the day before `at` (now() when null), spread over products and
 * départements. For bench:market's million-lead stock and the listing's plan test; run as the tables' owner.
 * Without a supplier or a consent version, the first of each in the database.
 */
export function bulkStockSql(n: number, opts: { at?: Date; supplierOrgId?: string; consentVersion?: string } = {}) {
  const products = PRODUCT_SLUGS.filter((p) => p !== "defiscalisation");
  const text = `
    with src as (
      select gen_random_uuid() as id, i, ($2::text[])[1 + i % $3] as product, ($4::text[])[1 + (i / 7) % $5] as dep,
             coalesce($6::timestamptz, now()) - make_interval(mins => i % 1440) as at
      from generate_series(1, $1) i
    ), t as (
      select * from consent_texts where $8::text is null or version = $8 order by published_at limit 1
    ), l as (
      insert into leads (id, supplier_org_id, product, type, status, reasons, channel, first_name, last_name, phone, email, postal_code,
                         city, departement, fields, payload, created_at)
      select id, coalesce($7::uuid, (select id from organisations where kind = 'apporteur' limit 1)), product, 'lead', 'accepted', '[]',
             'api', 'Bulk', 'Stock' || i, '06' || lpad(i::text, 8, '0'), 'stock' || i || '@bulk.local', dep || '000', 'Ville', dep, '{}', '{}', at
      from src returning id
    ), k as (
      insert into lead_consents (lead_id, method, prechecked, consent_text_id, text_version, text_sha256, collected_at, fingerprint, recorded_at)
      select src.id, 'checkbox', false, t.id, t.version, t.sha256, src.at, 'bulk', src.at from src, t returning lead_id
    )
    insert into market_listings (lead_id, product, lead_type, departement, postal_code, city, consent_method, consent_text_id, received_at,
                                 tier24_until, tier48_until, expires_at, stocked_at)
    select id, product, 'lead', dep, dep || '000', 'Ville', 'checkbox', (select id from t), at,
           at + interval '1 day', at + interval '2 days', at + interval '3 days', at
    from src`;
  const values = [
    n,
    products,
    products.length,
    BULK_DEPARTEMENTS,
    BULK_DEPARTEMENTS.length,
    opts.at?.toISOString() ?? null,
    opts.supplierOrgId ?? null,
    opts.consentVersion ?? null,
  ];
  return { text, values };
}
