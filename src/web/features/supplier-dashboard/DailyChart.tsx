import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, TIME_CHART_MARGIN } from "../../ui/ChartFrame";
import { ACCEPTED_COLOR, AXIS_TICK, GRID_COLOR, REJECTED_COLOR } from "../../ui/chart-colors";
import { formatIsoDay, formatNumber } from "../../ui/format";
import type { LeadStats } from "./api";
import { daysBetween, shortDay } from "./days";

export function DailyChart({ byDay, from, to }: { byDay: LeadStats["byDay"]; from: string; to: string }) {
  const counts = new Map(byDay.map((d) => [d.day, d]));
  const range = daysBetween(from, to);
  const days = range.length > 0 ? range : byDay.map((d) => d.day);
  const data = days.map((day) => ({ day, accepted: counts.get(day)?.accepted ?? 0, rejected: counts.get(day)?.rejected ?? 0 }));

  return (
    <ChartFrame label="Leads acceptés et rejetés par jour">
      <BarChart data={data} margin={TIME_CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID_COLOR }} minTickGap={12} />
        <YAxis allowDecimals={false} tickFormatter={formatNumber} tick={AXIS_TICK} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(label) => formatIsoDay(String(label))}
          formatter={(value) => formatNumber(Number(value))}
          cursor={{ fill: "rgba(29, 78, 216, 0.06)" }}
        />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="accepted" name="Acceptés" stackId="leads" fill={ACCEPTED_COLOR} maxBarSize={36} />
        <Bar dataKey="rejected" name="Rejetés" stackId="leads" fill={REJECTED_COLOR} maxBarSize={36} radius={[3, 3, 0, 0]} />
      </BarChart>
    </ChartFrame>
  );
}
