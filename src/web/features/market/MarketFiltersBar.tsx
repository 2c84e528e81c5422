import { Field } from "../../ui/Field";
import { ProductSelect } from "../../ui/ProductSelect";
import type { MarketFilters } from "./api";
import { DEPARTEMENT_OPTIONS, TIER_LABELS } from "./labels";

interface Props {
  filters: MarketFilters;
  onChange(filters: MarketFilters): void;
}

const euros = (cents: number | undefined) => (cents === undefined ? "" : String(cents / 100));
const cents = (text: string) => {
  const n = Number(text.replace(",", "."));
  return text.trim() === "" || !Number.isFinite(n) || n < 0 ? undefined : Math.round(n * 100);
};

/** Every filter applies at once and goes back to the first page. */
export function MarketFiltersBar({ filters, onChange }: Props) {
  const set = (patch: Partial<MarketFilters>) => onChange({ ...filters, ...patch, page: 1 });
  return (
    <form className="filters filters--market card" aria-label="Filtrer la salle de marché" onSubmit={(e) => e.preventDefault()}>
      <Field id="market-product" label="Produit">
        {(c) => (
          <ProductSelect
            {...c}
            value={filters.product ?? ""}
            emptyLabel="Tous les produits"
            onChange={(v) => set({ product: (v || undefined) as MarketFilters["product"] })}
          />
        )}
      </Field>
      <Field id="market-type" label="Type">
        {(c) => (
          <select
            {...c}
            className="input"
            value={filters.leadType ?? ""}
            onChange={(e) => set({ leadType: (e.target.value || undefined) as MarketFilters["leadType"] })}
          >
            <option value="">Leads et RDV</option>
            <option value="lead">Leads</option>
            <option value="rdv">RDV qualifiés</option>
          </select>
        )}
      </Field>
      <Field id="market-dep" label="Département">
        {(c) => (
          <select
            {...c}
            className="input"
            value={filters.departement ?? ""}
            onChange={(e) => set({ departement: e.target.value || undefined })}
          >
            <option value="">Toute la France</option>
            {DEPARTEMENT_OPTIONS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="market-tier" label="Fraîcheur">
        {(c) => (
          <select
            {...c}
            className="input"
            value={filters.tier ?? ""}
            onChange={(e) => set({ tier: (e.target.value || undefined) as MarketFilters["tier"] })}
          >
            <option value="">Toutes</option>
            {Object.entries(TIER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="market-min" label="Prix min. (€ HT)">
        {(c) => (
          <input
            {...c}
            className="input"
            inputMode="decimal"
            defaultValue={euros(filters.minPriceCents)}
            onBlur={(e) => set({ minPriceCents: cents(e.target.value) })}
          />
        )}
      </Field>
      <Field id="market-max" label="Prix max. (€ HT)">
        {(c) => (
          <input
            {...c}
            className="input"
            inputMode="decimal"
            defaultValue={euros(filters.maxPriceCents)}
            onBlur={(e) => set({ maxPriceCents: cents(e.target.value) })}
          />
        )}
      </Field>
      <Field id="market-sort" label="Tri">
        {(c) => (
          <select
            {...c}
            className="input"
            value={filters.sort ?? "recent"}
            onChange={(e) => set({ sort: e.target.value as MarketFilters["sort"] })}
          >
            <option value="recent">Les plus récents</option>
            <option value="oldest">Les plus anciens</option>
            <option value="price_asc">Prix croissant</option>
            <option value="price_desc">Prix décroissant</option>
          </select>
        )}
      </Field>
    </form>
  );
}
