import type { ProductDefinition } from "../../../modules/catalogue/rules";
import { formatCents } from "../../ui/format";
import { PRODUCTS_BY_GROUP } from "../../ui/products";
import { type Column, Table } from "../../ui/Table";
import type { PriceGrid } from "./api";

type Entry = PriceGrid["entries"][number];
const PRODUCTS = PRODUCTS_BY_GROUP.flatMap((g) => g.products);
const COLUMNS = [
  { channel: "exclusive", tier: "24h", label: "Exclusif" },
  { channel: "marketplace", tier: "24h", label: "Marché < 24 h" },
  { channel: "marketplace", tier: "48h", label: "Marché 24-48 h" },
  { channel: "marketplace", tier: "72h", label: "Marché 48-72 h" },
] as const;

interface Props {
  entries: Entry[];
  leadType: "lead" | "rdv";
  /** When given, prices are inputs (euros HT) and a change calls back with the new price in cents. */
  onEdit?(entry: Entry, priceCents: number): void;
}

/**
 * One line per product, its price per channel and freshness (euros HT). Exclusive sales happen on
 * reception, so only the exclusive price under 24 business hours is shown; the grid keeps all tiers.
 */
export function PriceGridTable({ entries, leadType, onEdit }: Props) {
  const find = (product: string, channel: string, tier: string) =>
    entries.find((e) => e.product === product && e.leadType === leadType && e.channel === channel && e.tier === tier);
  const columns: Column<ProductDefinition>[] = [
    { key: "product", header: "Produit", rowHeader: true, cell: (p) => p.label },
    ...COLUMNS.map(
      (c): Column<ProductDefinition> => ({
        key: `${c.channel}-${c.tier}`,
        header: c.label,
        className: "numeric nowrap",
        cell: (p) => {
          const entry = find(p.slug, c.channel, c.tier);
          if (!entry) return "—";
          return onEdit ? (
            <input
              className="input input--price"
              inputMode="decimal"
              aria-label={`${p.label}, ${c.label}, euros HT`}
              defaultValue={(entry.priceCents / 100).toFixed(2).replace(".", ",")}
              onBlur={(e) => {
                const cents = Math.round(Number(e.target.value.replace(",", ".")) * 100);
                if (Number.isFinite(cents) && cents > 0 && cents !== entry.priceCents) onEdit(entry, cents);
              }}
            />
          ) : (
            formatCents(entry.priceCents)
          );
        },
      }),
    ),
  ];
  return (
    <Table
      rows={PRODUCTS}
      columns={columns}
      rowKey={(p) => p.slug}
      label={`${leadType === "rdv" ? "Prix des RDV qualifiés" : "Prix des leads"} en euros hors taxes`}
    />
  );
}
