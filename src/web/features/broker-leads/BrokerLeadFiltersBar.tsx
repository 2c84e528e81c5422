import { WORK_STATUS_LABELS } from "../../../modules/broker-leads/rules/work-status";
import { CHANNEL_LABELS as SALE_CHANNEL_LABELS } from "../../../modules/market/rules/sale-terms";
import { DEPARTEMENT_OPTIONS } from "../../ui/departements";
import { FilterBar, type FilterSelect, type FiltersProps } from "../../ui/FilterBar";
import { PRODUCT_OPTIONS } from "../../ui/products";
import { labelOptions } from "../../ui/SelectField";
import { LEAD_TYPE_OPTIONS } from "../market/labels";
import type { BrokerLeadFilters } from "./api";

const SELECTS: FilterSelect<keyof BrokerLeadFilters>[] = [
  { key: "product", id: "bl-product", label: "Produit", emptyLabel: "Tous les produits", options: PRODUCT_OPTIONS },
  { key: "leadType", id: "bl-type", label: "Type", emptyLabel: "Leads et RDV", options: LEAD_TYPE_OPTIONS },
  { key: "status", id: "bl-status", label: "Statut", emptyLabel: "Tous", options: labelOptions(WORK_STATUS_LABELS) },
  { key: "channel", id: "bl-channel", label: "Canal", emptyLabel: "Tous", options: labelOptions(SALE_CHANNEL_LABELS) },
  { key: "departement", id: "bl-dep", label: "Département", emptyLabel: "Tous", options: DEPARTEMENT_OPTIONS },
];

export function BrokerLeadFiltersBar(props: FiltersProps<BrokerLeadFilters>) {
  return (
    <FilterBar
      {...props}
      label="Filtrer mes leads"
      className="filters--market"
      search={{ id: "bl-q", placeholder: "Nom ou téléphone" }}
      selects={SELECTS}
      dates={{ idPrefix: "bl", fromLabel: "Achetés du" }}
      paged
    />
  );
}
