import type { ReactNode } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/client";
import { Icon } from "./Icon";
import { PageHeader } from "./PageHeader";
import { EmptyState, ErrorState, LoadingState } from "./States";

/** "← Mes leads": the way back from a record to its list, above the record's title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      <Icon name="arrowLeft" size={16} /> {children}
    </Link>
  );
}

/** The supplier's and the broker's sheets of a lead, while the lead is not there. */
export const LEAD_RECORD = { title: "Lead", loadingLabel: "Chargement du lead…" };

interface RecordQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch(): unknown;
}

interface RecordPageProps<T> {
  query: RecordQuery<T>;
  /** The page's title while the record is not there. */
  title: string;
  back: ReactNode;
  loadingLabel: string;
  /** Said when the server does not know the record (404, or an id it cannot read: 400). */
  notFound: string;
  /** What another refusal of the server means, when the page knows better than "could not load". */
  otherError?(error: ApiError): ReactNode | undefined;
  children(record: T): ReactNode;
}

/** A record's page (a lead, a client, a call): loading, then the record, or why it cannot be shown. */
export function RecordPage<T>({ query, title, back, loadingLabel, notFound, otherError, children }: RecordPageProps<T>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError || query.data === undefined) {
    const error = query.error;
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    const explained = error instanceof ApiError && !missing ? otherError?.(error) : undefined;
    return (
      <>
        <PageHeader title={title} back={back} />
        {explained || (missing ? <EmptyState title={notFound} /> : <ErrorState error={error} onRetry={() => query.refetch()} />)}
      </>
    );
  }
  return <>{children(query.data)}</>;
}
