/** The vocabulary of a sale, shared by the server and the web app (no database import here). */
export const SALE_CHANNELS = ["exclusive", "marketplace"] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];
export const LEAD_TYPES = ["lead", "rdv"] as const;
export type LeadType = (typeof LEAD_TYPES)[number];
export const PRICE_TIERS = ["24h", "48h", "72h"] as const;
export type PriceTier = (typeof PRICE_TIERS)[number];

export const CHANNEL_LABELS: Record<SaleChannel, string> = { exclusive: "Exclusif", marketplace: "Salle de marché" };
export const LEAD_TYPE_LABELS: Record<LeadType, string> = { lead: "Lead", rdv: "RDV qualifié" };

/** How long a marketplace hold lasts while the broker pays. */
export const HOLD_MINUTES = 5;
/**
 * How deep the marketplace listing reads: its total counts to this many ("plus de 1 000") and its pages stop
 * there. A broker narrows a longer list with the filters; reading further cost 30 to 130 ms a page at a
 * million stocked leads, and a page a million rows deep would read up to a million rows per price group.
 */
export const LISTING_DEPTH = 1_000;
