import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** A chart over time (days, months): room for the axis labels, none wasted on the left. */
export const TIME_CHART_MARGIN = { top: 8, right: 8, left: -12, bottom: 0 };

/** A chart as the page shows it: as wide as its card, at a fixed height, one image named for screen readers. */
export function ChartFrame({ label, height = 280, children }: { label: string; height?: number; children: ReactElement }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}
