import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "../../ui/format";
import { productLabel } from "../../ui/products";
import type { LeadStats } from "./api";
import { ACCEPTED_COLOR, AXIS_COLOR, GRID_COLOR, REJECTED_COLOR } from "./colors";

export function ProductChart({ byProduct }: { byProduct: LeadStats["byProduct"] }) {
  const data = byProduct.map((p) => ({ ...p, label: productLabel(p.product) }));
  // Horizontal bars: product names are long, they read better on the side than under the bars.
  const height = Math.max(160, data.length * 40 + 60);
  return (
    <div className="chart" role="img" aria-label="Leads acceptés et rejetés par produit">
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
          <YAxis type="category" dataKey="label" width={190} tick={{ fill: "#2a3346", fontSize: 13 }} tickLine={false} axisLine={false} />
          <Tooltip formatter={(value) => formatNumber(Number(value))} cursor={{ fill: "rgba(29, 78, 216, 0.06)" }} />
          <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
          <Bar dataKey="accepted" name="Acceptés" stackId="leads" fill={ACCEPTED_COLOR} maxBarSize={22} />
          <Bar dataKey="rejected" name="Rejetés" stackId="leads" fill={REJECTED_COLOR} maxBarSize={22} radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
