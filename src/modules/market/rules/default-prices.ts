import { PRODUCT_SLUGS, type ProductSlug } from "../../catalogue/rules";
import type { LeadType, PriceTier, SaleChannel } from "./sale-terms";

/**
 * The first price grid, until the operator publishes one: a marketplace lead under 24 business hours, in
 * euro cents HT, set from the published French per-lead prices (guides/DOMAIN.md: car €15-50, health
 * €8-25, home €5-18, life/protection €30-80). Exclusivity costs 1.8×, an appointment 3×; a lead loses
 * 30 % of its price past 24 business hours and 55 % past 48.
 */
const MARKETPLACE_LEAD_24H: Record<ProductSlug, number> = {
  "credit-immobilier": 4500,
  "rachat-credits": 3500,
  "credit-professionnel": 4000,
  "assurance-vie-retraite": 5500,
  defiscalisation: 5000,
  "assurance-emprunteur": 3000,
  "mutuelle-sante": 1800,
  "mutuelle-entreprise": 3500,
  "prevoyance-tns": 4000,
  "assurance-auto": 2500,
  "assurance-habitation": 1200,
  "assurance-animaux": 1000,
  "rc-pro": 3000,
  "multirisque-pro": 3500,
  "rc-decennale": 4500,
  "dommage-ouvrage": 5000,
  "multirisque-immeuble": 4000,
  "assurance-obseques": 3000,
};

const CHANNEL_FACTOR: Record<SaleChannel, number> = { marketplace: 1, exclusive: 1.8 };
const TYPE_FACTOR: Record<LeadType, number> = { lead: 1, rdv: 3 };
const TIER_FACTOR: Record<PriceTier, number> = { "24h": 1, "48h": 0.7, "72h": 0.45 };

export interface PriceEntry {
  product: string;
  leadType: LeadType;
  channel: SaleChannel;
  tier: PriceTier;
  priceCents: number;
}

/** Rounded to 50 cents: prices a broker reads at a glance. */
export function defaultPriceGrid(): PriceEntry[] {
  const entries: PriceEntry[] = [];
  for (const product of PRODUCT_SLUGS)
    for (const leadType of ["lead", "rdv"] as const)
      for (const channel of ["exclusive", "marketplace"] as const)
        for (const tier of ["24h", "48h", "72h"] as const) {
          const cents = MARKETPLACE_LEAD_24H[product] * CHANNEL_FACTOR[channel] * TYPE_FACTOR[leadType] * TIER_FACTOR[tier];
          entries.push({ product, leadType, channel, tier, priceCents: Math.round(cents / 50) * 50 });
        }
  return entries;
}

/** What is wrong with a grid an operator wants to publish: every combination once, none missing. */
export function gridProblems(entries: readonly PriceEntry[]): string[] {
  const expected = new Set(defaultPriceGrid().map(keyOf));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const e of entries) {
    const key = keyOf(e);
    if (!expected.has(key)) problems.push(`Combinaison inconnue : ${key}`);
    else if (seen.has(key)) problems.push(`Prix donné deux fois : ${key}`);
    seen.add(key);
  }
  const missing = [...expected].filter((k) => !seen.has(k));
  if (missing.length > 0) problems.push(`${missing.length} prix manquant(s), dont ${missing[0]}`);
  return problems;
}

const keyOf = (e: Pick<PriceEntry, "product" | "leadType" | "channel" | "tier">) =>
  `${e.product} / ${e.leadType} / ${e.channel} / ${e.tier}`;
