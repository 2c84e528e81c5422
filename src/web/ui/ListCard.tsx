import type { ReactNode } from "react";
import { ErrorState, LoadingState } from "./States";

/** What a list card needs to know of its query (a TanStack Query result). */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  refetch(): unknown;
}

interface ListCardProps {
  query: ListQuery;
  loadingLabel: string;
  /** Whether the list came back with no row… */
  isEmpty: boolean;
  /** …and what is shown then (an EmptyState). */
  empty: ReactNode;
  /** The table and its footer, once the rows are there. */
  children: () => ReactNode;
}

/**
 * A list page's card: loading, the error with a retry, the empty state, or the rows; screen readers hear it change
 * when the filters are applied.
 */
export function ListCard({ query, loadingLabel, isEmpty, empty, children }: ListCardProps) {
  return (
    <section className="card card--flush" aria-live="polite" aria-busy={query.isFetching}>
      {query.isPending ? (
        <LoadingState label={loadingLabel} />
      ) : query.isError ? (
        <div className="card__pad">
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        </div>
      ) : isEmpty ? (
        empty
      ) : (
        children()
      )}
    </section>
  );
}
