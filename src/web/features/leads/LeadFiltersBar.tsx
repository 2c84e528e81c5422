import { FilterBar, type FilterSelect, type FiltersProps } from "../../ui/FilterBar";
import { PRODUCT_OPTIONS } from "../../ui/products";
import { labelOptions } from "../../ui/SelectField";
import { CHANNEL_LABELS } from "../../ui/StatusBadge";
import type { LeadFilters } from "./types";

const STATUS_OPTIONS = [
  { value: "accepted", label: "Acceptés" },
  { value: "rejected", label: "Rejetés" },
];

const SELECTS: FilterSelect<keyof LeadFilters>[] = [
  { key: "status", id: "filter-status", label: "Statut", emptyLabel: "Tous", options: STATUS_OPTIONS },
  { key: "product", id: "filter-product", label: "Produit", emptyLabel: "Tous les produits", options: PRODUCT_OPTIONS },
  { key: "channel", id: "filter-channel", label: "Canal", emptyLabel: "Tous", options: labelOptions(CHANNEL_LABELS) },
];

export function LeadFiltersBar(props: FiltersProps<LeadFilters>) {
  return (
    <FilterBar
      {...props}
      label="Filtrer les leads"
      search={{ id: "filter-q", placeholder: "Nom, téléphone, e-mail, référence" }}
      selects={SELECTS}
      dates={{ idPrefix: "filter" }}
    />
  );
}
