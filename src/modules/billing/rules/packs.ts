/**
 * Top-up packs. Prices are in cents excluding VAT (the price grid is HT, so are credits): the broker pays
 * the pack price plus VAT by card and receives the pack price plus its bonus in credits. Larger packs
 * carry a bonus (free credits, shown on the invoice at 0 €).
 */
export interface TopUpPack {
  id: string;
  label: string;
  priceCents: number;
  bonusCents: number;
}

export const TOP_UP_PACKS: readonly TopUpPack[] = [
  { id: "pack-100", label: "Pack 100 €", priceCents: 10_000, bonusCents: 0 },
  { id: "pack-250", label: "Pack 250 €", priceCents: 25_000, bonusCents: 1_000 },
  { id: "pack-500", label: "Pack 500 €", priceCents: 50_000, bonusCents: 3_000 },
  { id: "pack-1000", label: "Pack 1 000 €", priceCents: 100_000, bonusCents: 8_000 },
];

export const PACK_IDS = TOP_UP_PACKS.map((p) => p.id) as [string, ...string[]];

export function packById(id: string): TopUpPack | undefined {
  return TOP_UP_PACKS.find((p) => p.id === id);
}

/** Credits received for a pack. */
export const creditsOf = (pack: TopUpPack) => pack.priceCents + pack.bonusCents;
