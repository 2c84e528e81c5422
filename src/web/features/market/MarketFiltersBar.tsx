import { DEPARTEMENT_OPTIONS } from "../../ui/departements";
import { Field } from "../../ui/Field";
import { FilterBar, type FilterSelect, type FiltersProps } from "../../ui/FilterBar";
import { PRODUCT_OPTIONS } from "../../ui/products";
import { labelOptions, SelectField } from "../../ui/SelectField";
import type { MarketFilters } from "./api";
import { LEAD_TYPE_OPTIONS, TIER_LABELS } from "./labels";

const SELECTS: FilterSelect<keyof MarketFilters>[] = [
  { key: "product", id: "market-product", label: "Produit", emptyLabel: "Tous les produits", options: PRODUCT_OPTIONS },
  { key: "leadType", id: "market-type", label: "Type", emptyLabel: "Leads et RDV", options: LEAD_TYPE_OPTIONS },
  { key: "departement", id: "market-dep", label: "Département", emptyLabel: "Toute la France", options: DEPARTEMENT_OPTIONS },
  { key: "tier", id: "market-tier", label: "Fraîcheur", emptyLabel: "Toutes", options: labelOptions(TIER_LABELS) },
];

const PRICES = [
  { key: "minPriceCents", id: "market-min", label: "Prix min. (€ HT)" },
  { key: "maxPriceCents", id: "market-max", label: "Prix max. (€ HT)" },
] as const;

const SORT_OPTIONS = [
  { value: "recent", label: "Les plus récents" },
  { value: "oldest", label: "Les plus anciens" },
  { value: "price_asc", label: "Prix croissant" },
  { value: "price_desc", label: "Prix décroissant" },
];

const euros = (cents: number | undefined) => (cents === undefined ? "" : String(cents / 100));
const cents = (text: string) => {
  const n = Number(text.replace(",", "."));
  return text.trim() === "" || !Number.isFinite(n) || n < 0 ? undefined : Math.round(n * 100);
};

/** Every filter applies at once and goes back to the first page. */
export function MarketFiltersBar({ filters, onChange }: FiltersProps<MarketFilters>) {
  const set = (patch: Partial<MarketFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <FilterBar filters={filters} onChange={onChange} label="Filtrer la salle de marché" className="filters--market" selects={SELECTS} paged>
      {PRICES.map((p) => (
        <Field key={p.key} id={p.id} label={p.label}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              defaultValue={euros(filters[p.key])}
              onBlur={(e) => set({ [p.key]: cents(e.target.value) })}
            />
          )}
        </Field>
      ))}
      <SelectField
        id="market-sort"
        label="Tri"
        value={filters.sort ?? "recent"}
        options={SORT_OPTIONS}
        onChange={(v) => set({ sort: v as MarketFilters["sort"] })}
      />
    </FilterBar>
  );
}
