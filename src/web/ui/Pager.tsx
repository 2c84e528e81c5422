import { formatNumber } from "./format";

/** Previous / next under a paged list, with "Page n / N". */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(page: number): void }) {
  return (
    <span className="inline-list">
      <button type="button" className="button button--ghost button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Précédent
      </button>
      <span className="muted">
        Page {page} / {formatNumber(pages)}
      </span>
      <button type="button" className="button button--ghost button--small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Suivant
      </button>
    </span>
  );
}

/** The footer of a paged list: how many rows in all (counted or capped), then the pager. */
export function PagedFooter({
  list,
  page,
  onPage,
  count,
  testId,
}: {
  list: { total: number; totalCapped?: boolean; pageSize: number };
  page: number;
  onPage(page: number): void;
  /** The total as words: "Plus de 10 000 leads" when it is capped, "12 lead(s)" otherwise. */
  count(total: string, capped: boolean): string;
  testId?: string;
}) {
  return (
    <div className="table-footer">
      <span data-testid={testId}>{count(formatNumber(list.total), list.totalCapped === true)}</span>
      <Pager page={page} pages={Math.max(1, Math.ceil(list.total / list.pageSize))} onPage={onPage} />
    </div>
  );
}
