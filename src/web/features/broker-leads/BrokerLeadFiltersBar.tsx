import { WORK_STATUS_LABELS, WORK_STATUSES } from "../../../modules/broker-leads/rules/work-status";
import { CHANNEL_LABELS as SALE_CHANNEL_LABELS, SALE_CHANNELS } from "../../../modules/market/rules/sale-terms";
import { Field } from "../../ui/Field";
import { ProductSelect } from "../../ui/ProductSelect";
import { SearchBar } from "../../ui/SearchBar";
import { DEPARTEMENT_OPTIONS } from "../market/labels";
import type { BrokerLeadFilters } from "./api";

interface Props {
  filters: BrokerLeadFilters;
  onChange(filters: BrokerLeadFilters): void;
}

/** Selects and dates apply at once and go back to the first page; the search (shared SearchBar) after a short pause in typing. */
export function BrokerLeadFiltersBar({ filters, onChange }: Props) {
  const set = (patch: Partial<Record<keyof BrokerLeadFilters, string>>) => {
    const next: Record<string, unknown> = { ...filters, page: 1 };
    for (const [k, v] of Object.entries(patch)) next[k] = v || undefined;
    onChange(next as BrokerLeadFilters);
  };

  return (
    <form className="filters filters--market card" aria-label="Filtrer mes leads" onSubmit={(e) => e.preventDefault()}>
      <SearchBar
        id="bl-q"
        className="filters__search"
        placeholder="Nom ou téléphone"
        value={filters.q}
        onSearch={(q) => onChange({ ...filters, q: q || undefined, page: 1 })}
      />
      <Field id="bl-product" label="Produit">
        {(c) => <ProductSelect {...c} value={filters.product ?? ""} emptyLabel="Tous les produits" onChange={(v) => set({ product: v })} />}
      </Field>
      <Field id="bl-type" label="Type">
        {(c) => (
          <select {...c} className="input" value={filters.leadType ?? ""} onChange={(e) => set({ leadType: e.target.value })}>
            <option value="">Leads et RDV</option>
            <option value="lead">Leads</option>
            <option value="rdv">RDV qualifiés</option>
          </select>
        )}
      </Field>
      <Field id="bl-status" label="Statut">
        {(c) => (
          <select {...c} className="input" value={filters.status ?? ""} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Tous</option>
            {WORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {WORK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bl-channel" label="Canal">
        {(c) => (
          <select {...c} className="input" value={filters.channel ?? ""} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">Tous</option>
            {SALE_CHANNELS.map((ch) => (
              <option key={ch} value={ch}>
                {SALE_CHANNEL_LABELS[ch]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bl-dep" label="Département">
        {(c) => (
          <select {...c} className="input" value={filters.departement ?? ""} onChange={(e) => set({ departement: e.target.value })}>
            <option value="">Tous</option>
            {DEPARTEMENT_OPTIONS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bl-from" label="Achetés du">
        {(c) => (
          <input
            {...c}
            className="input"
            type="date"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(e) => set({ from: e.target.value })}
          />
        )}
      </Field>
      <Field id="bl-to" label="Au">
        {(c) => (
          <input
            {...c}
            className="input"
            type="date"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(e) => set({ to: e.target.value })}
          />
        )}
      </Field>
    </form>
  );
}
