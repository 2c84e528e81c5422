// Recharts needs colours as values; they mirror --color-success / --color-danger of the stylesheet.
export const ACCEPTED_COLOR = "#1f9d62";
export const REJECTED_COLOR = "#e0474c";
export const AXIS_COLOR = "#6b7489";
export const GRID_COLOR = "#e6e9f0";
/** The axes' tick labels. */
export const AXIS_TICK = { fill: AXIS_COLOR, fontSize: 12 };
