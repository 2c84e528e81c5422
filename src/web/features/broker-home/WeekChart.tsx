import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../../ui/format";
import { productLabel } from "../../ui/products";
import type { MarketSummary } from "../market/api";
import { AXIS_COLOR, GRID_COLOR } from "../supplier-dashboard/colors";

// Recharts needs colours as values: --color-primary for exclusive leads, --color-success for the marketplace.
const EXCLUSIVE_COLOR = "#1d4ed8";
const MARKETPLACE_COLOR = "#1f9d62";

/** This week's leads by product, exclusive and marketplace stacked; drawn like the supplier dashboard's product chart. */
export function WeekChart({ byProduct }: { byProduct: MarketSummary["weekByProduct"] }) {
  const data = byProduct.map((p) => ({ ...p, label: productLabel(p.product) }));
  const height = Math.max(160, data.length * 40 + 60);
  return (
    <div className="chart" role="img" aria-label="Leads reçus cette semaine par produit, en exclusivité et en salle de marché">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={formatNumber}
            tick={{ fill: AXIS_COLOR, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis type="category" dataKey="label" width={150} tick={{ fill: "#2a3346", fontSize: 13 }} tickLine={false} axisLine={false} />
          <Tooltip formatter={(value) => formatNumber(Number(value))} cursor={{ fill: "rgba(29, 78, 216, 0.06)" }} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="exclusive" name="Exclusifs" stackId="leads" fill={EXCLUSIVE_COLOR} maxBarSize={22} />
          <Bar
            dataKey="marketplace"
            name="Salle de marché"
            stackId="leads"
            fill={MARKETPLACE_COLOR}
            maxBarSize={22}
            radius={[0, 3, 3, 0]}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
