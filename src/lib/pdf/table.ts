import { hexColor } from "./colors";
import type { Content, PdfWriter } from "./document";
import type { Line } from "./layout-text";

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares are normalised, so [2, 1, 1] works as well as [0.5, 0.25, 0.25]. */
  width: number;
  align?: "left" | "right";
}

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: readonly (readonly Content[])[];
  size?: number;
  /** Tints every other row, for long tables read across. */
  striped?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3;
const COLORS = { header: "#eef2f7", stripe: "#f8fafc", border: "#d1d5db", headerText: "#374151" } as const;

interface LaidRow {
  cells: Line[][];
  lines: number;
}

function alignLines(lines: Line[], width: number, align: "left" | "right" | undefined): Line[] {
  if (align !== "right") return lines;
  return lines.map((line) => ({ ...line, fragments: line.fragments.map((f) => ({ ...f, x: f.x + width - line.width })) }));
}

/**
 * A table with wrapped cells. Rows stay whole when they fit on a page; the header row is repeated at
 * the top of every page the table runs onto; a row taller than a page is cut between its lines.
 */
export function drawTable(w: PdfWriter, spec: TableSpec): void {
  const size = spec.size ?? w.fontSize * 0.95;
  const lh = w.lineHeight(size);
  const total = spec.columns.reduce((n, c) => n + c.width, 0);
  const widths = spec.columns.map((c) => (c.width / total) * w.contentWidth);
  const lay = (cells: readonly Content[], bold: boolean): LaidRow => {
    const laid = spec.columns.map((col, i) => {
      const content = cells[i] ?? "";
      const inner = (widths[i] ?? 0) - 2 * PAD_X;
      const lines = w.layout(bold && typeof content === "string" ? [{ text: content, style: "bold" }] : content, inner, size);
      return alignLines(lines, inner, col.align);
    });
    return { cells: laid, lines: Math.max(1, ...laid.map((l) => l.length)) };
  };
  const header = lay(
    spec.columns.map((c) => c.header),
    true,
  );
  const rowHeight = (lines: number) => lines * lh + 2 * PAD_Y;

  const drawRow = (row: LaidRow, from: number, count: number, fill: string | null, color?: string) => {
    const { page, y, x } = w.cursor();
    const height = rowHeight(count);
    if (fill) page.drawRectangle({ x, y: y - height, width: w.contentWidth, height, color: hexColor(fill) });
    let cellX = x;
    row.cells.forEach((lines, i) => {
      w.drawLines(lines.slice(from, from + count), cellX + PAD_X, y - PAD_Y, { size, color });
      cellX += widths[i] ?? 0;
    });
    page.drawLine({
      start: { x, y: y - height },
      end: { x: x + w.contentWidth, y: y - height },
      thickness: 0.5,
      color: hexColor(COLORS.border),
    });
    w.advance(height);
  };
  const drawHeader = () => drawRow(header, 0, header.lines, COLORS.header, COLORS.headerText);

  // The header and the first row start together: a table never begins with a lonely header.
  const first = spec.rows[0] ? lay(spec.rows[0], false) : null;
  w.ensureRoom(rowHeight(header.lines) + (first ? rowHeight(Math.min(first.lines, 3)) : 0));
  drawHeader();
  spec.rows.forEach((cells, index) => {
    const row = index === 0 && first ? first : lay(cells, false);
    const fill = spec.striped && index % 2 === 1 ? COLORS.stripe : null;
    let from = 0;
    while (from < row.lines) {
      // On a fresh page at least one line goes down, however small the page: the loop always moves on.
      const fits = Math.max(w.atTopOfPage ? 1 : 0, Math.floor((w.room - 2 * PAD_Y) / lh));
      const whole = row.lines - from;
      // A row that fits on a fresh page moves there whole; only a taller one is cut.
      if (fits < whole && !w.atTopOfPage && (fits < 1 || rowHeight(whole) <= w.pageBodyHeight - rowHeight(header.lines))) {
        w.newPage();
        drawHeader();
        continue;
      }
      const count = Math.min(whole, fits);
      drawRow(row, from, count, fill);
      from += count;
    }
  });
  w.space(size * 0.6);
}
