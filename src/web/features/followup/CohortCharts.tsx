import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, TIME_CHART_MARGIN } from "../../ui/ChartFrame";
import { AXIS_TICK, GRID_COLOR } from "../../ui/chart-colors";
import { formatNumber } from "../../ui/format";
import { percent, ratio, shortMonth } from "./labels";
import type { MeasureRow } from "./types";

// Recharts needs colours as values: they mirror the stylesheet's primary, success, warning and grey.
const COLORS = { todo: "#c9d0de", progress: "#c27803", closed: "#1f9d62", reach: "#1d4ed8", before: "#9db4f0", now: "#1d4ed8" };

/** Each month's cohort: to call, in progress, closed, and the share of clients reached. */
export function CohortProgressChart({ rows }: { rows: MeasureRow[] }) {
  const data = rows.map((r) => ({
    month: r.key ?? "",
    todo: r.notStarted,
    progress: r.inProgress,
    closed: r.closed,
    reach: Math.round(ratio(r.reached, r.due) * 100),
  }));
  return (
    <ChartFrame label="Suivis M+3 par mois de campagne">
      <ComposedChart data={data} margin={TIME_CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="month" tickFormatter={shortMonth} tick={AXIS_TICK} tickLine={false} />
        <YAxis yAxisId="n" allowDecimals={false} tickFormatter={formatNumber} tick={AXIS_TICK} tickLine={false} axisLine={false} />
        <YAxis
          yAxisId="pct"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(v: number) => percent(v / 100)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          labelFormatter={(m) => shortMonth(String(m))}
          formatter={(v, name) => (name === "Joignabilité" ? percent(Number(v) / 100) : formatNumber(Number(v)))}
        />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
        <Bar yAxisId="n" dataKey="todo" name="À appeler" stackId="s" fill={COLORS.todo} maxBarSize={40} />
        <Bar yAxisId="n" dataKey="progress" name="En cours" stackId="s" fill={COLORS.progress} maxBarSize={40} />
        <Bar yAxisId="n" dataKey="closed" name="Clôturés" stackId="s" fill={COLORS.closed} maxBarSize={40} radius={[3, 3, 0, 0]} />
        <Line yAxisId="pct" dataKey="reach" name="Joignabilité" stroke={COLORS.reach} strokeWidth={2} dot={{ r: 3 }} />
      </ComposedChart>
    </ChartFrame>
  );
}

/** Taux d'équipement of each cohort: contracts of ours per client at the M+3, and now. */
export function EquipmentChart({ rows }: { rows: MeasureRow[] }) {
  const data = rows.map((r) => ({ month: r.key ?? "", before: r.contractsBefore, now: r.contractsNow, multi2: r.multi2Now }));
  return (
    <ChartFrame label="Contrats par client avant le M+3 et aujourd'hui">
      <BarChart data={data} margin={TIME_CHART_MARGIN}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="month" tickFormatter={shortMonth} tick={AXIS_TICK} tickLine={false} />
        <YAxis tickFormatter={formatNumber} tick={AXIS_TICK} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(m) => shortMonth(String(m))}
          formatter={(v, name) => (name === "2 contrats ou plus" ? percent(Number(v)) : formatNumber(Number(v)))}
        />
        <Legend iconType="circle" wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="before" name="Contrats / client au M+3" fill={COLORS.before} maxBarSize={28} />
        <Bar dataKey="now" name="Contrats / client aujourd'hui" fill={COLORS.now} maxBarSize={28} />
      </BarChart>
    </ChartFrame>
  );
}
