import { Field } from "../../ui/Field";
import { ProductSelect } from "../../ui/ProductSelect";
import { SearchBar } from "../../ui/SearchBar";
import { CHANNEL_LABELS } from "../../ui/StatusBadge";
import type { LeadFilters } from "./types";

interface Props {
  filters: LeadFilters;
  onChange(filters: LeadFilters): void;
}

/** Selects and dates apply at once; the search applies after a short pause in typing. */
export function LeadFiltersBar({ filters, onChange }: Props) {
  const set = (key: keyof LeadFilters, value: string) => onChange({ ...filters, [key]: value || undefined });

  return (
    <form className="filters card" aria-label="Filtrer les leads" onSubmit={(e) => e.preventDefault()}>
      <SearchBar
        id="filter-q"
        className="filters__search"
        placeholder="Nom, téléphone, e-mail, référence"
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q: q || undefined })}
      />
      <Field id="filter-status" label="Statut">
        {(c) => (
          <select {...c} className="input" value={filters.status ?? ""} onChange={(e) => set("status", e.target.value)}>
            <option value="">Tous</option>
            <option value="accepted">Acceptés</option>
            <option value="rejected">Rejetés</option>
          </select>
        )}
      </Field>
      <Field id="filter-product" label="Produit">
        {(c) => <ProductSelect {...c} value={filters.product ?? ""} onChange={(v) => set("product", v)} emptyLabel="Tous les produits" />}
      </Field>
      <Field id="filter-channel" label="Canal">
        {(c) => (
          <select {...c} className="input" value={filters.channel ?? ""} onChange={(e) => set("channel", e.target.value)}>
            <option value="">Tous</option>
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-from" label="Du">
        {(c) => (
          <input
            {...c}
            className="input"
            type="date"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(e) => set("from", e.target.value)}
          />
        )}
      </Field>
      <Field id="filter-to" label="Au">
        {(c) => (
          <input
            {...c}
            className="input"
            type="date"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(e) => set("to", e.target.value)}
          />
        )}
      </Field>
    </form>
  );
}
