import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./ChartFrame";
import { AXIS_TICK, GRID_COLOR } from "./chart-colors";
import { formatNumber } from "./format";
import { productLabel } from "./products";

export interface BarSeries<K extends string> {
  key: K;
  name: string;
  color: string;
}

/**
 * Two figures per product, stacked in horizontal bars: product names are long, they read better on the side
 * than under the bars. The supplier's accepted / rejected leads, the broker's exclusive / marketplace leads.
 */
export function ProductBarChart<K extends string>({
  rows,
  series: [first, second],
  label,
  labelWidth,
}: {
  rows: readonly ({ product: string } & Record<K, number>)[];
  series: readonly [BarSeries<K>, BarSeries<K>];
  /** What the chart shows, for screen readers. */
  label: string;
  /** Room for the product names, in pixels. */
  labelWidth: number;
}) {
  const data = rows.map((p) => ({ ...p, label: productLabel(p.product) }));
  const height = Math.max(160, data.length * 40 + 60);
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
        <CartesianGrid stroke={GRID_COLOR} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} tick={AXIS_TICK} tickLine={false} axisLine={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={labelWidth}
          tick={{ fill: "#2a3346", fontSize: 13 }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip formatter={(value) => formatNumber(Number(value))} cursor={{ fill: "rgba(29, 78, 216, 0.06)" }} />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey={first.key} name={first.name} stackId="leads" fill={first.color} maxBarSize={22} />
        <Bar dataKey={second.key} name={second.name} stackId="leads" fill={second.color} maxBarSize={22} radius={[0, 3, 3, 0]} />
      </BarChart>
    </ChartFrame>
  );
}
