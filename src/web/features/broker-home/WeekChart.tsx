import { ProductBarChart } from "../../ui/ProductBarChart";
import type { MarketSummary } from "../market/api";

// Recharts needs colours as values: --color-primary for exclusive leads, --color-success for the marketplace.
const EXCLUSIVE_COLOR = "#1d4ed8";
const MARKETPLACE_COLOR = "#1f9d62";

/** This week's leads by product, exclusive and marketplace stacked; drawn like the supplier dashboard's product chart. */
export function WeekChart({ byProduct }: { byProduct: MarketSummary["weekByProduct"] }) {
  return (
    <ProductBarChart
      rows={byProduct}
      label="Leads reçus cette semaine par produit, en exclusivité et en salle de marché"
      labelWidth={150}
      series={[
        { key: "exclusive", name: "Exclusifs", color: EXCLUSIVE_COLOR },
        { key: "marketplace", name: "Salle de marché", color: MARKETPLACE_COLOR },
      ]}
    />
  );
}
