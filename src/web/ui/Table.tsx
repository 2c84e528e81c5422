import { Fragment, type ReactNode, useState } from "react";

/** One column: its header, what each row shows in it, and how to sort by it (when it may be). */
export interface Column<T> {
  key: string;
  header: ReactNode;
  /** Read by screen readers only (a column of buttons needs a name, not a visible title). */
  headerHidden?: boolean;
  cell(row: T): ReactNode;
  /** Classes of the column's cells and header: "num", "nowrap", "actions", "table__reasons", "th--wrap"… */
  className?: string;
  /** The value the column sorts by; a column without it is not sortable. */
  sortValue?(row: T): string | number | null;
  /** The cells are the rows' headers (<th scope="row">), as a product in a price grid. */
  rowHeader?: boolean;
  /** In a table shown as cards on a phone, the cell heads its card rather than standing under its column's name. */
  cardTitle?: boolean;
}

/**
 * The column of a row's buttons or links: named for screen readers only ("Actions" unless told), its cells on one
 * line and, unless told otherwise, aligned right.
 */
export function actionsColumn<T>(cell: (row: T) => ReactNode, { header = "Actions", className = "actions" } = {}): Column<T> {
  return { key: "actions", header, headerHidden: true, className, cell };
}

export type SortState = { key: string; direction: "asc" | "desc" };

interface TableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey(row: T): string;
  /** The table's accessible name. */
  label?: string;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
  /** The line under the table: how many rows out of how many, a "load more" button. */
  footer?: ReactNode;
  /** The whole row is clickable for the mouse; the row keeps its own link for the keyboard. */
  onRowClick?(row: T): void;
  rowClassName?(row: T): string | undefined;
  /** The row's data-… attributes, for the tests that find a row by what it shows. */
  rowData?(row: T): Record<`data-${string}`, string>;
  /** What follows a row (its details unfolded, as <tr>s of their own), when it has something. */
  rowDetail?(row: T): ReactNode;
  initialSort?: SortState;
  /** On a phone each row is a card, each cell under its column's name. */
  cards?: boolean;
  className?: string;
}

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
}

/**
 * The app's table: columns declared once, optional sorting by a column (on the rows it is given), an empty
 * state, a footer for the total, and a horizontal scroll inside its card when the screen is narrower than it.
 */
export function Table<T>({
  rows,
  columns,
  rowKey,
  label,
  empty,
  footer,
  onRowClick,
  rowClassName,
  rowData,
  rowDetail,
  initialSort,
  cards,
  className,
}: TableProps<T>) {
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;

  const sortColumn = sort && columns.find((c) => c.key === sort.key && c.sortValue);
  const shown = sortColumn?.sortValue
    ? [...rows].sort((a, b) => {
        const order = compare(sortColumn.sortValue?.(a) ?? null, sortColumn.sortValue?.(b) ?? null);
        return sort?.direction === "desc" ? -order : order;
      })
    : rows;
  const toggle = (key: string) => setSort((s) => ({ key, direction: s?.key === key && s.direction === "asc" ? "desc" : "asc" }));
  const classes = ["table", onRowClick && "table--clickable", cards && "table--cards", className].filter(Boolean).join(" ");
  const cardLabel = (c: Column<T>) => (cards && !c.cardTitle && !c.headerHidden && typeof c.header === "string" ? c.header : undefined);

  return (
    <>
      <div className="table-wrap">
        <table className={classes} aria-label={label}>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = sort?.key === c.key ? sort.direction : undefined;
                const title = c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.className}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {c.sortValue ? (
                      <button type="button" className="table__sort" onClick={() => toggle(c.key)}>
                        {title}
                        <span aria-hidden="true" className="table__sort-mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Fragment key={rowKey(row)}>
                <tr className={rowClassName?.(row)} onClick={onRowClick && (() => onRowClick(row))} {...rowData?.(row)}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th key={c.key} scope="row" className={c.className}>
                        {c.cell(row)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.className} data-label={cardLabel(c)}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
                {rowDetail?.(row)}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {footer && <div className="table-footer">{footer}</div>}
    </>
  );
}
