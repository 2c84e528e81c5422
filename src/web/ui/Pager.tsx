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
