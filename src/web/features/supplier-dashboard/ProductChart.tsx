import { ACCEPTED_COLOR, REJECTED_COLOR } from "../../ui/chart-colors";
import { ProductBarChart } from "../../ui/ProductBarChart";
import type { LeadStats } from "./api";

export function ProductChart({ byProduct }: { byProduct: LeadStats["byProduct"] }) {
  return (
    <ProductBarChart
      rows={byProduct}
      label="Leads acceptés et rejetés par produit"
      labelWidth={190}
      series={[
        { key: "accepted", name: "Acceptés", color: ACCEPTED_COLOR },
        { key: "rejected", name: "Rejetés", color: REJECTED_COLOR },
      ]}
    />
  );
}
