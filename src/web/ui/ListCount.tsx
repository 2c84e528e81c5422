import { formatNumber } from "./format";
import { Spinner } from "./States";

/**
 * "50 leads affichés sur 1 234": what the list shows out of what matches, so a truncated list never passes for
 * the whole. `exact: false` means the total was only counted up to a cap ("sur plus de 10 000").
 */
export function ListCount({
  shown,
  total,
  exact = true,
  one,
  many,
}: {
  shown: number;
  total: number;
  exact?: boolean;
  one: string;
  many: string;
}) {
  const of = exact ? (total > shown ? ` sur ${formatNumber(total)}` : "") : ` sur plus de ${formatNumber(total)}`;
  return (
    <span className="muted" data-testid="list-count">
      {formatNumber(shown)} {shown > 1 ? many : one}
      {of}
    </span>
  );
}

/** "Charger plus" under a paged list (a TanStack infinite query); nothing once the last page is in. */
export function LoadMoreButton({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage(): unknown } }) {
  if (!list.hasNextPage) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
      {list.isFetchingNextPage ? <Spinner label="Chargement de la suite…" /> : null}
      Charger plus
    </button>
  );
}
